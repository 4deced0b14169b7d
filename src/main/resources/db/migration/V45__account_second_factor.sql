-- A second factor for those who see the most (administrators and coordinators on password sign-in).
-- An authenticator app's key (RFC 6238), with the last time step accepted so that no code is used twice.
alter table account
    add column totp_secret    varchar(64),
    add column totp_last_step bigint;

-- One-time recovery codes, kept only as SHA-256 hashes; a used code is deleted.
create table account_recovery_code (
    account_id bigint      not null references account (id) on delete cascade,
    code_hash  varchar(64) not null,
    primary key (account_id, code_hash)
);

-- Passkeys: Spring Security's WebAuthn tables (JdbcPublicKeyCredentialUserEntityRepository and
-- JdbcUserCredentialRepository), as its PostgreSQL schema has them. A user entity's name is the
-- account's e-mail.
create table user_entities (
    id           varchar(1000) not null primary key,
    name         varchar(100)  not null,
    display_name varchar(200)
);
create unique index user_entities_name on user_entities (name);

create table user_credentials (
    credential_id                varchar(1000) not null primary key,
    user_entity_user_id          varchar(1000) not null references user_entities (id) on delete cascade,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp,
    last_used                    timestamp,
    label                        varchar(1000) not null
);
create index user_credentials_user on user_credentials (user_entity_user_id);
