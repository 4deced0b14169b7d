-- The retention job blanks the context of long-closed cases; only cases still holding one are indexed.
create index referral_context_retention_idx on referral (closed_at) where status = 'CLOSED' and context is not null;
