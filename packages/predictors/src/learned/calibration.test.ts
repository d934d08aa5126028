import { describe, expect, it } from 'vitest';
import { calibratedConfidence, confidenceFeatures, fitConfidenceCalibrator, fitTemperature, MIN_CALIBRATION_OUTCOMES } from './calibration.js';
import { seededRandom } from './seeded-random.js';

describe('confidence calibration', () => {
  it('describes a row by its best score, margins and softmax log-odds', () => {
    const [constant, best, overSecond, overThird, logOdds] = confidenceFeatures([0.2, 1.5, -0.3, 1], 1);
    expect([constant, best, overSecond, overThird]).toEqual([1, 1.5, 0.5, 1.3]);
    const top = Math.exp(1.5) / [0.2, 1.5, -0.3, 1].reduce((sum, score) => sum + Math.exp(score), 0);
    expect(logOdds).toBeCloseTo(Math.log(top / (1 - top)), 10);
  });

  it('learns the real chance of being right from held-out rows (a threshold then means what it says)', () => {
    // Synthetic held-out set: the chance of a right answer rises with the margin of the best score.
    const random = seededRandom(11);
    const rows: number[][] = [];
    const right: boolean[] = [];
    for (let index = 0; index < 4000; index += 1) {
      const margin = random() * 2;
      const scores = [0.5 + margin, 0.5, 0.2 * random()];
      rows.push(confidenceFeatures(scores, 0.3));
      right.push(random() < 1 / (1 + Math.exp(-(4 * margin - 2))));
    }
    const coefficients = fitConfidenceCalibrator(rows, right);
    expect(coefficients).not.toBeNull();
    const bins = [0.1, 0.3, 0.5, 0.7, 0.9].map((centre) => {
      const members = rows.map((row, index) => ({ confidence: calibratedConfidence(coefficients!, row), right: right[index]! })).filter(({ confidence }) => Math.abs(confidence - centre) < 0.1);
      return { centre, members: members.length, accuracy: members.filter((member) => member.right).length / members.length };
    });
    for (const bin of bins) {
      expect(bin.members).toBeGreaterThan(100);
      expect(Math.abs(bin.accuracy - bin.centre)).toBeLessThan(0.07);
    }
  });

  it('declines to fit when the held-out rows hold too few right or wrong answers', () => {
    const rows = Array.from({ length: 50 }, (_, index) => confidenceFeatures([index / 10, 0, 0], 1));
    expect(fitConfidenceCalibrator(rows, rows.map((_, index) => index >= MIN_CALIBRATION_OUTCOMES - 1))).toBeNull();
    expect(fitConfidenceCalibrator(rows, rows.map((_, index) => index < 50 - MIN_CALIBRATION_OUTCOMES + 1))).toBeNull();
    expect(fitConfidenceCalibrator(rows, rows.map((_, index) => index % 3 === 0))).not.toBeNull();
  });

  it('fits a softmax temperature that sharpens confident, right scores', () => {
    const scoreRows = Array.from({ length: 40 }, (_, index) => Float64Array.from([index % 2 ? 0.2 : 0.1, index % 2 ? 0.1 : 0.2]));
    const labels = Int32Array.from(scoreRows, (_, index) => (index % 2 ? 0 : 1));
    expect(fitTemperature(scoreRows, labels)).toBeLessThan(0.01);
  });
});
