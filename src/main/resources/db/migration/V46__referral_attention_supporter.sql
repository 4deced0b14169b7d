-- A case page counts the open cases of every supporter of its hospital, to judge capacity; with
-- the supporter in the work queue's index, that count too is read from the index alone.
drop index referral_attention_idx;
create index referral_attention_idx on referral (hospital_id) include (status, urgent, created_at, due_at, supporter_id)
    where status <> 'CLOSED';
