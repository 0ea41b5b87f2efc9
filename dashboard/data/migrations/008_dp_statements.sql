-- Shared SQL for the direct-payment experience survey's statements (values unchanged).

-- dp_statement_answers(): each holder's answer to each of the four statements, 1 (strongly
-- disagree) to 5 (strongly agree), null where not answered: area_code, period, statement_order,
-- statement_key (the dp_experience column), statement (the words), agreement.
create or replace macro dp_statement_answers() as table
    select area_code, period, 1 as statement_order, 'use_flexibly' as statement_key,
        'I can use my direct payment flexibly' as statement, use_flexibly as agreement
    from dp_experience
    union all
    select area_code, period, 2, 'know_how_much', 'I know how much money I have', know_how_much
    from dp_experience
    union all
    select area_code, period, 3, 'paid_quickly', 'I get the money quickly without complicated procedures', paid_quickly
    from dp_experience
    union all
    select area_code, period, 4, 'trusted_to_decide', 'I am trusted to decide how to spend it', trusted_to_decide
    from dp_experience;

-- dp_agreeing_by_geography(wanted_key): holders agreeing (4 or 5) with one statement, of those who
-- answered it (1 to 5), by area, region and all areas (share_by_geography).
create or replace macro dp_agreeing_by_geography(wanted_key) as table
    with answers as (
        select area_code, period, 1 as weight, agreement >= 4 as meets
        from dp_statement_answers()
        where statement_key = wanted_key and agreement between 1 and 5
    )
    select * from share_by_geography(answers);
