-- 0019: reserved for another part of issue 13, which lands its own 0019;
-- this empty step keeps the numbers contiguous on the branch that brought
-- 0020 (TOTP) and is dropped when that 0019 is merged.
SELECT 1;
