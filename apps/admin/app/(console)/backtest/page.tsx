import type { Metadata } from 'next';
import { BacktestRunner } from './backtest-runner';

export const metadata: Metadata = { title: 'Backtest' };

export default function BacktestPage() {
  return <BacktestRunner />;
}
