-- 0020: reserved for another part of issue 13 (TOTP), which lands its own
-- 0020; this empty step keeps the numbers contiguous on the branch that
-- brought 0021 (the crypto suite) and is dropped when that 0020 is merged.
SELECT 1;
