import type { SurveySettings } from '../../../../contracts/surveys.js';

export const SURVEY_SETTINGS_KEY = 'surveys.settings';

export const defaultSurveySettings: SurveySettings = { unsatisfiedAtMost: 2, expiresAfterDays: 7, viaSms: true };

// Stored as JSON in system_settings; a missing or older value falls back field by field.
export function parseSurveySettings(stored: string | undefined): SurveySettings {
  if (!stored) return { ...defaultSurveySettings };
  try {
    return { ...defaultSurveySettings, ...(JSON.parse(stored) as Partial<SurveySettings>) };
  } catch {
    return { ...defaultSurveySettings };
  }
}
