-- Answers wait here before they become responses, so that nothing in the database ties a response
-- to the moment, or the transaction, in which its invitation was spent.
--   * Submitting spends the invitation and writes a row here, in one transaction: the answer is
--     either kept with its invitation spent, or neither.
--   * A job (survey.ResponseBatches) moves the waiting answers of a campaign into survey_response
--     and survey_answer once enough are waiting, or when the campaign closes: in a random order,
--     under new random ids, all in one transaction. The responses then carry the job's transaction
--     id, shared by the whole batch, and their physical order is the shuffle's, not answering order.
--   * The same job rewrites the campaign's used invitations, which gives them a transaction id of
--     their own and ends the one link this table shares with them for a few seconds.
-- Like survey_response, this table names no invitation, token, physician or account.
create table survey_response_pending (
    id             uuid     primary key,
    campaign_id    uuid     not null references survey_campaign (id),
    department_id  bigint   not null references department (id),
    submitted_on   date     not null,
    question_ids   bigint[] not null,
    choices        smallint[] not null,
    texts          text[]   not null,
    constraint survey_response_pending_shape check (
        cardinality(question_ids) = cardinality(choices) and cardinality(question_ids) = cardinality(texts))
);
create index survey_response_pending_campaign_idx on survey_response_pending (campaign_id);
