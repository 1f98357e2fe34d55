-- The self-order kiosk's enum values (issue 15), alone in their file: Postgres refuses to use an enum
-- value in the transaction that adds it, and the CLI applies each file in one transaction.
--   member_role 'kiosk'   a store tablet paired like the print bridge; not staff (see 20261203003100)
--   order_source 'kiosk'  orders customers placed themselves at a kiosk

-- enums ------------------------------------------------------------------------------------------

alter type public.member_role add value if not exists 'kiosk';
alter type public.order_source add value if not exists 'kiosk';
