import { DEFAULT_CRISIS_TEXT, loadConfig } from './config';

describe('the crisis text setting', () => {
  it('defaults to words true anywhere, with the US line as an example', () => {
    const config = loadConfig({});
    expect(config.CRISIS_TEXT).toBe(DEFAULT_CRISIS_TEXT);
    expect(config.CRISIS_TEXT).toContain('call your local emergency number');
    expect(config.CRISIS_TEXT).toContain('988');
    expect(config.PRACTICE_NAME).toBe('Attune');
  });

  it("takes a practice's own lines, with \\n for line breaks in a one-line setting", () => {
    const config = loadConfig({ CRISIS_TEXT: 'In the UK, call **116 123**.\\n\\nIn danger now? Call 999.', PRACTICE_NAME: 'Harbour Therapy' });
    expect(config.CRISIS_TEXT).toBe('In the UK, call **116 123**.\n\nIn danger now? Call 999.');
    expect(config.PRACTICE_NAME).toBe('Harbour Therapy');
  });
});
