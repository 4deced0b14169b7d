-- The triage queue shows open cases by default: urgent first, then oldest. This partial index
-- serves that page and its count without sorting or counting the closed cases.
create index referral_open_queue_idx on referral (hospital_id, urgent desc, created_at) where status <> 'CLOSED';
