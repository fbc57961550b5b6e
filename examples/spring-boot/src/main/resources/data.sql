insert into stock (item, available) values ('widget', 1000);
insert into stock (item, available) values ('gadget', 1000);
