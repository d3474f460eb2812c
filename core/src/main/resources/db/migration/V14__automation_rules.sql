-- A version made with the rule list ("when this arrives, if this holds, then do these") keeps
-- the rule it was generated from, so the rule editor can open it again. Versions drawn in the
-- diagram editor have none.
alter table automation_version add column rule jsonb;
