-- The summaries' version: raised by every transaction that writes them (a refresh, a survey
-- campaign summarized). The dashboard keeps the figures it read from the summaries under this
-- version, so every instance reads them once per refresh and never serves ones a refresh replaced.
-- refreshed_at cannot serve as the key: two refreshes may carry the same instant (a fixed clock).
alter table report_refresh add column version bigint not null default 0;
