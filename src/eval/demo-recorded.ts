import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_QUERIES_DIR, type DemoReport, type LanguageFigures } from './demo.js';

/**
 * The recorded figures of the demo evaluation's reporting half, and the margins within which a
 * change may move them before CI fails. Recording is a deliberate act (`lotse eval --demo
 * --record`), done when a change has made the figures better.
 */

export const RECORDED_FILE = path.join(DEMO_QUERIES_DIR, 'recorded.json');

export interface RecordedFigures {
  recordedAt: string;
  languages: LanguageFigures[];
  overall: LanguageFigures;
}

/**
 * How far a figure may fall (or, for the bad ones, rise) below the record, in shares. A language
 * has about twenty questions in the reporting half, so one question moves it by five points.
 */
export const MARGINS = {
  overallRight: 0.03,
  languageRight: 0.11,
  overallWrong: 0.03,
  offTopicAnswered: 0.05,
  emergencyRecognised: 0.05,
  falseAlarms: 0.1,
} as const;

export function readRecorded(file = RECORDED_FILE): RecordedFigures | null {
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as RecordedFigures;
}

export async function recordFigures(report: DemoReport, file = RECORDED_FILE): Promise<void> {
  const round = (figures: LanguageFigures) =>
    Object.fromEntries(Object.entries(figures).map(([name, value]) => [name, typeof value === 'number' ? Math.round(value * 1000) / 1000 : value])) as unknown as LanguageFigures;
  const recorded: RecordedFigures = { recordedAt: new Date().toISOString().slice(0, 10), languages: report.languages.map(round), overall: round(report.overall) };
  await writeFile(file, JSON.stringify(recorded, null, 2) + '\n');
}

/** The figures that moved beyond their margin, as readable lines; empty when all hold. */
export function regressions(report: DemoReport, recorded: RecordedFigures): string[] {
  const found: string[] = [];
  const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
  const below = (label: string, now: number, then: number, margin: number) => {
    if (now < then - margin - 1e-9) found.push(`${label}: ${pct(now)}, recorded ${pct(then)} (may fall ${pct(margin)})`);
  };
  const above = (label: string, now: number, then: number, margin: number) => {
    if (now > then + margin + 1e-9) found.push(`${label}: ${pct(now)}, recorded ${pct(then)} (may rise ${pct(margin)})`);
  };
  below('right first answers, all languages', report.overall.right, recorded.overall.right, MARGINS.overallRight);
  above('wrong answers shown, all languages', report.overall.wrong, recorded.overall.wrong, MARGINS.overallWrong);
  above('off-topic answered', report.overall.offTopicAnswered, recorded.overall.offTopicAnswered, MARGINS.offTopicAnswered);
  below('emergencies recognised', report.overall.emergencyRecognised, recorded.overall.emergencyRecognised, MARGINS.emergencyRecognised);
  above('false emergency alarms', report.overall.falseAlarms, recorded.overall.falseAlarms, MARGINS.falseAlarms);
  for (const then of recorded.languages) {
    const now = report.languages.find((row) => row.language === then.language);
    if (now === undefined) found.push(`${then.language}: no questions any more`);
    else below(`right first answers, ${then.language}`, now.right, then.right, MARGINS.languageRight);
  }
  return found;
}
