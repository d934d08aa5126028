import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center gap-3 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="text-2xl font-semibold text-slate-900">Page not found</h1>
      <Link href="/inbox" className="text-sm font-medium text-brand-600 hover:text-brand-700">
        Back to the inbox
      </Link>
    </div>
  );
}
