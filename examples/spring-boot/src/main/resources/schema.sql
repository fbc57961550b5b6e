create table orders (
    id       varchar(64) primary key,
    item     varchar(64) not null,
    quantity int         not null
);
create table stock (
    item      varchar(64) primary key,
    available int         not null check (available >= 0)
);
-- The table of camel-sql's JdbcMessageIdRepository (it creates it when missing; created here to show the index):
-- the producer's transaction log (processorName 'order-log') and shipping's consumed transactions ('shipping').
-- Housekeeping deletes old entries by createdAt, hence the index; see the guide.
create table CAMEL_MESSAGEPROCESSED (
    processorName varchar(255) not null,
    messageId     varchar(100) not null,
    createdAt     timestamp,
    primary key (processorName, messageId)
);
create index CAMEL_MESSAGEPROCESSED_AGE on CAMEL_MESSAGEPROCESSED (processorName, createdAt);
