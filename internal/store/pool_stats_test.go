package store

import (
	"context"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
)

// TestOutboxDepthAndPools: the outbox depth counts unsent notifications
// by channel and status (a dead one as a failure, a sent one not at all),
// on both databases; the pools report their limits.
func TestOutboxDepthAndPools(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		notes := []Notification{
			{Key: "a", Channel: "webhook", Title: "t", Text: "x", Link: "/"},
			{Key: "b", Channel: "webhook", Title: "t", Text: "x", Link: "/"},
			{Key: "c", Channel: "email", Recipient: "a@example.gov.cn", Title: "t", Text: "x", Link: "/"},
		}
		if n, err := db.QueueAlert(ctx, audit.System, "incident", 1, notes); err != nil || n != 3 {
			t.Fatalf("QueueAlert = %d, %v", n, err)
		}
		claimed, err := db.ClaimNotifications(ctx, "webhook", db.now().Add(time.Minute), time.Minute, 10)
		if err != nil || len(claimed) != 2 {
			t.Fatalf("claim = %d, %v", len(claimed), err)
		}
		if err := db.FinishNotification(ctx, claimed[0].ID, true, false, true, time.Time{}, ""); err != nil {
			t.Fatal(err)
		}
		if err := db.FinishNotification(ctx, claimed[1].ID, false, true, true, time.Time{}, "410 gone"); err != nil {
			t.Fatal(err)
		}
		got, err := db.OutboxDepth(ctx)
		want := map[[2]string]int{{"webhook", "dead"}: 1, {"email", "pending"}: 1}
		if err != nil || len(got) != len(want) || got[[2]string{"webhook", "dead"}] != 1 || got[[2]string{"email", "pending"}] != 1 {
			t.Errorf("OutboxDepth = %v, %v; want %v", got, err, want)
		}
		pools := db.PoolStats()
		if pools["write"].MaxOpenConnections != 1 || pools["read"].MaxOpenConnections < 1 {
			t.Errorf("pools %+v", pools)
		}
	})
}
