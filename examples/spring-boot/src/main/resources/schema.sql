create table orders (
    id       varchar(64) primary key,
    item     varchar(64) not null,
    quantity int         not null
);
create table stock (
    item      varchar(64) primary key,
    available int         not null check (available >= 0)
);
