-- 0030: who imported a plan, kept on the plan. A bound office lists the
-- plans it imported itself (分级督查); the audit log, where this was read
-- before, may be purged by retention, so it cannot be the record of it.
ALTER TABLE plans ADD COLUMN imported_by INTEGER;

UPDATE plans SET imported_by = (
    SELECT MIN(a.actor_id) FROM audit_log a
    WHERE a.action = 'plan.import' AND a.object_type = 'plan' AND a.object_id = CAST(plans.id AS TEXT) AND a.actor_id <> 0);

CREATE INDEX plans_imported_by ON plans (imported_by);
