import pg from 'pg';

/**
 * Everything the Supabase bootstrap may create or change (roles, grants, schemas, relations,
 * functions, publications, policies…) as one md5, so two runs can be compared for idempotence.
 */
export async function catalogFingerprint(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select md5(string_agg(line, E'\\n' order by line)) as fp from (
       select format('role %s %s %s %s %s %s %s %s', rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb,
                     rolcanlogin, rolreplication, rolbypassrls) || coalesce(rolpassword, '')
         from pg_authid where rolname !~ '^pg_'
       union all select format('member %s %s %s %s %s', roleid::regrole, member::regrole, admin_option,
                               inherit_option, set_option) from pg_auth_members
       union all select format('db %s %s %s', datname, datdba::regrole, datacl) from pg_database
       union all select format('dbconfig %s %s', setrole, setconfig) from pg_db_role_setting
       union all select format('ns %s %s %s', nspname, nspowner::regrole, nspacl) from pg_namespace
       union all select format('rel %s %s %s %s %s %s', oid::regclass, relkind, relowner::regrole, relacl,
                               relrowsecurity, (select count(*) from pg_attribute a where a.attrelid = c.oid))
         from pg_class c where relnamespace::regnamespace::text not in ('pg_catalog', 'information_schema', 'pg_toast')
       union all select format('proc %s %s %s %s %s', oid::regprocedure, proowner::regrole, proacl, prosecdef,
                               md5(prosrc)) from pg_proc where pronamespace::regnamespace::text <> 'pg_catalog'
                                                          and pronamespace::regnamespace::text <> 'information_schema'
       union all select format('defacl %s %s %s %s', defaclrole::regrole, defaclnamespace, defaclobjtype, defaclacl)
         from pg_default_acl
       union all select format('pub %s %s %s', pubname, pubowner::regrole, pubviaroot) from pg_publication
       union all select format('pubrel %s %s', pubname, tablename) from pg_publication_tables
       union all select format('evt %s %s %s', evtname, evtevent, evtfoid::regproc) from pg_event_trigger
       union all select format('ext %s %s %s', extname, extowner::regrole, extnamespace::regnamespace) from pg_extension
       union all select format('pol %s %s', polrelid::regclass, polname) from pg_policy
     ) t(line)`,
    );
    return rows[0].fp as string;
  } finally {
    await client.end();
  }
}
