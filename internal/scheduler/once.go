package scheduler

import "context"

// tickOnce runs a tick if no other instance on the database is running
// one (store.TryJobLock): three instances on one PostgreSQL then walk the
// ledger once a tick between them, not three times. The store records
// each event and claims each notification once anyway, so the lock saves
// work and does not carry correctness; a tick skipped for another's is
// an empty result.
func (s *Scheduler) tickOnce(ctx context.Context) (Result, error) {
	release, ok, err := s.Store.TryJobLock(ctx, "scheduler.tick")
	if err != nil || !ok {
		return Result{}, err
	}
	defer release()
	return s.Tick(ctx)
}
