<?xml version="1.0" encoding="utf-8"?>
<!--
  feedwright's browser view of RSS 2.0 and Atom 1.0 feeds (XSLT 1.0: what browsers implement).
  A feed opened in a browser shows what it is, the address to copy into a feed reader, and the
  items with dates, authors and summaries. Summaries are shown as text: disable-output-escaping
  does not work in Firefox, and text can never run scripts. An RSS <description> is HTML (RSS 2.0),
  and feedwright writes plain text there escaped as HTML (&lt; &gt; &amp; only), so the
  "html-text" template below turns it back into that text before showing it.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:fh="http://purl.org/syndication/history/1.0"
  exclude-result-prefixes="atom dc fh">

  <xsl:output method="html" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="rss/channel"><xsl:apply-templates select="rss/channel"/></xsl:when>
      <xsl:when test="atom:feed"><xsl:apply-templates select="atom:feed"/></xsl:when>
      <xsl:otherwise><html><body><p>This document is not an RSS 2.0 or Atom feed.</p></body></html></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- RSS 2.0 -->
  <xsl:template match="channel">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="title"/>
      <xsl:with-param name="description"><xsl:call-template name="html-text"><xsl:with-param name="html" select="description"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="home" select="link"/>
      <xsl:with-param name="self" select="atom:link[@rel='self']/@href"/>
      <xsl:with-param name="format" select="'RSS'"/>
      <xsl:with-param name="lang" select="language"/>
      <xsl:with-param name="count" select="count(item)"/>
      <xsl:with-param name="archive" select="boolean(fh:archive)"/>
      <xsl:with-param name="prev" select="atom:link[@rel='prev-archive']/@href"/>
      <xsl:with-param name="next" select="atom:link[@rel='next-archive']/@href"/>
      <xsl:with-param name="current" select="atom:link[@rel='current']/@href"/>
      <xsl:with-param name="items">
        <xsl:for-each select="item">
          <article class="item">
            <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
            <p class="meta">
              <!-- RFC 822 "Mon, 11 Mar 2024 10:00:00 GMT": the date part, without weekday and time. -->
              <time><xsl:value-of select="normalize-space(substring(substring-after(pubDate, ','), 1, 12))"/></time>
              <xsl:if test="dc:creator"> · <span class="author"><xsl:value-of select="dc:creator"/></span></xsl:if>
              <xsl:if test="category"> · <xsl:for-each select="category"><span class="tag"><xsl:value-of select="."/></span><xsl:text> </xsl:text></xsl:for-each></xsl:if>
            </p>
            <p class="summary"><xsl:call-template name="html-text"><xsl:with-param name="html" select="description"/></xsl:call-template></p>
          </article>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Atom 1.0 -->
  <xsl:template match="atom:feed">
    <xsl:call-template name="page">
      <xsl:with-param name="title"><xsl:call-template name="atom-text"><xsl:with-param name="node" select="atom:title"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="description"><xsl:call-template name="atom-text"><xsl:with-param name="node" select="atom:subtitle"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="home" select="atom:link[@rel='alternate' or not(@rel)]/@href"/>
      <xsl:with-param name="self" select="atom:link[@rel='self']/@href"/>
      <xsl:with-param name="format" select="'Atom'"/>
      <xsl:with-param name="lang" select="@xml:lang"/>
      <xsl:with-param name="count" select="count(atom:entry)"/>
      <xsl:with-param name="archive" select="boolean(fh:archive)"/>
      <xsl:with-param name="prev" select="atom:link[@rel='prev-archive']/@href"/>
      <xsl:with-param name="next" select="atom:link[@rel='next-archive']/@href"/>
      <xsl:with-param name="current" select="atom:link[@rel='current']/@href"/>
      <xsl:with-param name="items">
        <xsl:for-each select="atom:entry">
          <article class="item">
            <h2><a href="{atom:link[@rel='alternate' or not(@rel)]/@href}"><xsl:call-template name="atom-text"><xsl:with-param name="node" select="atom:title"/></xsl:call-template></a></h2>
            <p class="meta">
              <time datetime="{atom:published}">
                <xsl:choose>
                  <xsl:when test="atom:published"><xsl:value-of select="substring(atom:published, 1, 10)"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="substring(atom:updated, 1, 10)"/></xsl:otherwise>
                </xsl:choose>
              </time>
              <xsl:if test="atom:author"> · <span class="author"><xsl:for-each select="atom:author"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="atom:name"/></xsl:for-each></span></xsl:if>
              <xsl:if test="atom:category"> · <xsl:for-each select="atom:category"><span class="tag"><xsl:value-of select="@term"/></span><xsl:text> </xsl:text></xsl:for-each></xsl:if>
            </p>
            <p class="summary">
              <xsl:choose>
                <xsl:when test="atom:summary"><xsl:call-template name="atom-text"><xsl:with-param name="node" select="atom:summary"/></xsl:call-template></xsl:when>
                <xsl:otherwise><xsl:value-of select="substring(normalize-space(atom:content), 1, 300)"/></xsl:otherwise>
              </xsl:choose>
            </p>
          </article>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!--
    An Atom text construct as text: type="html" (what feedwright writes when the text names an
    element) is escaped text, decoded as html-text decodes it; type="text" is the text itself.
  -->
  <xsl:template name="atom-text">
    <xsl:param name="node"/>
    <xsl:choose>
      <xsl:when test="$node/@type = 'html'"><xsl:call-template name="html-text"><xsl:with-param name="html" select="$node"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:value-of select="$node"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The text of HTML that is escaped text (what feedwright writes in an RSS <description>): &lt;,
    &gt; and &amp; decoded, in that order, so "&amp;lt;" (the text "&lt;") stays "&lt;". Long
    strings are halved first (never inside an entity: a cut moves to just after the next ";"
    within reach), so the recursion is log-deep and no summary exceeds XSLT's template depth.
  -->
  <xsl:template name="html-text">
    <xsl:param name="html"/>
    <xsl:variable name="s" select="string($html)"/>
    <xsl:choose>
      <xsl:when test="not(contains($s, '&amp;'))"><xsl:value-of select="$s"/></xsl:when>
      <xsl:when test="string-length($s) &gt; 64">
        <xsl:variable name="half" select="floor(string-length($s) div 2)"/>
        <xsl:variable name="rest" select="substring($s, $half + 1)"/>
        <xsl:variable name="upto" select="substring-before($rest, ';')"/>
        <xsl:variable name="cut">
          <xsl:choose>
            <xsl:when test="contains($rest, ';') and string-length($upto) &lt;= 4"><xsl:value-of select="$half + string-length($upto) + 1"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$half"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:call-template name="html-text"><xsl:with-param name="html" select="substring($s, 1, $cut)"/></xsl:call-template>
        <xsl:call-template name="html-text"><xsl:with-param name="html" select="substring($s, $cut + 1)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="lt"><xsl:call-template name="replace"><xsl:with-param name="s" select="$s"/><xsl:with-param name="from" select="'&amp;lt;'"/><xsl:with-param name="to" select="'&lt;'"/></xsl:call-template></xsl:variable>
        <xsl:variable name="gt"><xsl:call-template name="replace"><xsl:with-param name="s" select="string($lt)"/><xsl:with-param name="from" select="'&amp;gt;'"/><xsl:with-param name="to" select="'&gt;'"/></xsl:call-template></xsl:variable>
        <xsl:call-template name="replace"><xsl:with-param name="s" select="string($gt)"/><xsl:with-param name="from" select="'&amp;amp;'"/><xsl:with-param name="to" select="'&amp;'"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="replace">
    <xsl:param name="s"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($s, $from)">
        <xsl:value-of select="substring-before($s, $from)"/><xsl:value-of select="$to"/>
        <xsl:call-template name="replace"><xsl:with-param name="s" select="substring-after($s, $from)"/><xsl:with-param name="from" select="$from"/><xsl:with-param name="to" select="$to"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="page">
    <xsl:param name="title"/>
    <xsl:param name="description"/>
    <xsl:param name="home"/>
    <xsl:param name="self"/>
    <xsl:param name="format"/>
    <xsl:param name="lang"/>
    <xsl:param name="count"/>
    <xsl:param name="archive"/>
    <xsl:param name="prev"/>
    <xsl:param name="next"/>
    <xsl:param name="current"/>
    <xsl:param name="items"/>
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> (<xsl:value-of select="$format"/> feed)</title>
        <style>
          body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
          main{max-width:46rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
          header h1{margin:.2rem 0 .3rem;font-size:1.9rem;line-height:1.2}
          .badge{display:inline-block;font-size:.75rem;font-weight:600;letter-spacing:.04em;text-transform:uppercase;color:#fff;background:#e66a00;border-radius:4px;padding:.1rem .45rem}
          .description{color:#57606a;margin:.2rem 0 1rem}
          .subscribe{background:#fff8e6;border:1px solid #f0d58a;border-radius:8px;padding:.8rem 1rem;margin:1rem 0 1.5rem}
          .subscribe p{margin:.2rem 0}
          .url{display:block;font:14px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:.45rem .6rem;margin:.4rem 0;word-break:break-all;user-select:all}
          .item{background:#fff;border:1px solid #d8dee4;border-radius:8px;padding:.8rem 1rem;margin:.8rem 0}
          .item h2{font-size:1.15rem;margin:0 0 .2rem;line-height:1.3}
          .item h2 a{color:#0b57d0;text-decoration:none}
          .item h2 a:hover{text-decoration:underline}
          .meta{color:#57606a;font-size:.88rem;margin:0 0 .4rem}
          .tag{background:#eef1f4;border-radius:999px;padding:0 .45rem;font-size:.8rem}
          .summary{margin:0}
          nav.archive{display:flex;gap:1rem;margin:1rem 0}
          footer{color:#57606a;font-size:.85rem;margin-top:2rem}
          a{color:#0b57d0}
        </style>
      </head>
      <body>
        <main>
          <header>
            <span class="badge"><xsl:value-of select="$format"/> feed</span>
            <xsl:if test="$archive"> <span class="badge" style="background:#57606a">archive page</span></xsl:if>
            <h1><xsl:value-of select="$title"/></h1>
            <xsl:if test="string($description)"><p class="description"><xsl:value-of select="$description"/></p></xsl:if>
          </header>
          <section class="subscribe">
            <p><strong>This is a web feed.</strong> To subscribe, copy this address into your feed reader:</p>
            <code class="url"><xsl:value-of select="$self"/></code>
            <p>New to feeds? A feed reader collects the new articles of the sites you follow in one place.
              <xsl:if test="string($home)"> Visit the site: <a href="{$home}"><xsl:value-of select="$home"/></a></xsl:if></p>
          </section>
          <xsl:if test="string($prev) or string($next) or string($current)">
            <nav class="archive">
              <xsl:if test="string($current)"><a href="{$current}">Current feed</a></xsl:if>
              <xsl:if test="string($next)"><a href="{$next}">Newer articles</a></xsl:if>
              <xsl:if test="string($prev)"><a href="{$prev}">Older articles</a></xsl:if>
            </nav>
          </xsl:if>
          <p class="meta"><xsl:value-of select="$count"/> article<xsl:if test="$count != 1">s</xsl:if> in this feed</p>
          <xsl:copy-of select="$items"/>
          <footer>Styled with an XSLT stylesheet: feed readers ignore it and read the feed itself.</footer>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
