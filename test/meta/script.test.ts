import { describe, expect, it } from 'vitest';
import { languageScriptMismatch, mainScript } from '../../src/meta/script.js';

describe("the feed's language against its articles' writing system (META_LANGUAGE_SCRIPT)", () => {
  it('reads the main script of a title: Han, Kana for Japanese, none for Latin or mostly Latin text', () => {
    expect(mainScript('新的博客模板')?.name).toBe('Han');
    expect(mainScript('東京でラーメンを食べた')?.name).toBe('Kana');
    expect(mainScript('Привет, мир')?.name).toBe('Cyrillic');
    expect(mainScript('Hello, world')).toBeUndefined();
    // A CJK character carries about a word: a tech title with Latin terms is still Chinese.
    expect(mainScript('curl http_code 状态码及意义')?.name).toBe('Han');
    expect(mainScript('Using Docker and 容器 in production')).toBeUndefined();
  });

  it('names the script most titles use when the language is not written in it, with a tag to suggest', () => {
    const titles = ['新的博客模板', '增加ssh无密码信任连接的安全性', '朝花夕拾', '春天', 'Docker notes'];
    expect(languageScriptMismatch('en', titles)).toEqual({ script: 'Han', count: 4, total: 5, suggest: 'zh' });
    expect(languageScriptMismatch('en-US', ['Привет', 'Мир', 'Новости'])).toEqual({ script: 'Cyrillic', count: 3, total: 3, suggest: 'ru' });
  });

  it('says nothing when the language fits, for a mixed feed, or for too few articles', () => {
    expect(languageScriptMismatch('zh-CN', ['新的博客模板', '朝花夕拾', '增加安全性'])).toBeUndefined();
    expect(languageScriptMismatch('ja', ['東京', '大阪の夜', 'ラーメン'])).toBeUndefined();
    expect(languageScriptMismatch('en', ['新的博客模板', 'Docker notes', 'Kubernetes', '朝花夕拾'])).toBeUndefined();
    expect(languageScriptMismatch('en', ['新的博客模板', '朝花夕拾'])).toBeUndefined();
  });
});
