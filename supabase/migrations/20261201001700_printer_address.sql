-- Printer address: a network printer's connection must name a host the print bridge can reach and a
-- port that exists. "192.168.1.500" used to be stored and only failed at print time, in the kitchen.
-- Accepted hosts: a dotted IPv4 address whose four numbers are 0 to 255 (no leading zeros, which some
-- resolvers read as octal), an RFC 1123 host name whose last label is not all digits (so "1.2.3" is
-- neither an address nor a name), or an IPv6 address as the bridge accepts it ("::1"). The port, when
-- given, is a whole number 1 to 65535; the bridge defaults a missing one to 9100.
-- The admin form checks the same rule first (app/src/lib/printers/validation.ts).

-- constraints ------------------------------------------------------------------------------------

-- Replaces the inline check (connection is a JSON object), keeping its name: the app reads the column
-- from the constraint name (printers_connection_check → connection). Case, not and/or, so the port is
-- only cast once it is known to be a number. Not valid: a printer stored before this rule still loads
-- (its next edit must fix the address); every new or changed row is checked.
alter table public.printers
  drop constraint printers_connection_check,
  add constraint printers_connection_check check (
    case
      when jsonb_typeof(connection) is distinct from 'object' then false
      when connection ->> 'type' is distinct from 'tcp' then true
      when jsonb_typeof(connection -> 'host') is distinct from 'string' then false
      when not (
        (connection ->> 'host') ~ '^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$'
        or (
          length(connection ->> 'host') <= 253
          and (connection ->> 'host') ~ '^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$'
          and (connection ->> 'host') !~ '(^|\.)[0-9]+$'
        )
        or (connection ->> 'host') ~ '^[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){2,7}$'
      ) then false
      when not (connection ? 'port') then true
      when jsonb_typeof(connection -> 'port') is distinct from 'number' then false
      else (connection ->> 'port')::numeric between 1 and 65535 and (connection ->> 'port')::numeric % 1 = 0
    end
  ) not valid;
