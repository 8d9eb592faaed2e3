package store

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestTicketServiceEdits: a service is added (a taken code is a
// conflict, not an overwrite), moved to another path, given another unit
// and deactivated, each change audited with what it was before; an
// unknown code or a bad type is refused.
func TestTicketServiceEdits(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		zjj, err := db.CreateUnit(ctx, office, UnitCreate{Name: "市住建局", Kind: UnitDepartment})
		if err != nil {
			t.Fatal(err)
		}
		wy := TicketService{Code: " cs-wy ", Name: "物业管理", Path: "城乡建设/物业管理", Type: "complaint", UnitID: zjj.ID, Keywords: "物业", Active: true}
		if err := db.CreateTicketService(ctx, office, wy); err != nil {
			t.Fatal(err)
		}
		if err := db.CreateTicketService(ctx, office, TicketService{Code: "cs-wy", Name: "别的", Path: "其他", Type: "help"}); !errors.Is(err, ErrConflict) {
			t.Errorf("a taken code: %v", err)
		}
		moved := TicketService{Name: "物业服务", Path: "住房保障/物业服务", Type: "complaint", Keywords: "物业 电梯", Active: false}
		if err := db.UpdateTicketService(ctx, office, "cs-wy", moved); err != nil {
			t.Fatal(err)
		}
		got, err := db.FindTicketService(ctx, "cs-wy")
		if err != nil || got.Path != "住房保障/物业服务" || got.UnitID != 0 || got.Active || got.Name != "物业服务" {
			t.Errorf("after the move %+v %v", got, err)
		}
		if err := db.UpdateTicketService(ctx, office, "nope", moved); !errors.Is(err, ErrNotFound) {
			t.Errorf("an unknown code: %v", err)
		}
		if _, err := db.FindTicketService(ctx, "nope"); !errors.Is(err, ErrNotFound) {
			t.Errorf("find an unknown code: %v", err)
		}
		moved.Type = "petition"
		if err := db.UpdateTicketService(ctx, office, "cs-wy", moved); !errors.Is(err, ErrInvalid) {
			t.Errorf("a bad type: %v", err)
		}
		entries, _, err := db.FindAudit(ctx, AuditFilter{Action: "ticket.service."})
		if err != nil || len(entries) != 2 {
			t.Fatalf("%d audit entries, %v", len(entries), err)
		}
		up := entries[0]
		if up.Action != "ticket.service.update" || up.ObjectID != "cs-wy" || !strings.Contains(up.Before, "城乡建设/物业管理") ||
			!strings.Contains(up.After, "住房保障/物业服务") || entries[1].Action != "ticket.service.create" || entries[1].Before != "" {
			t.Errorf("audit %+v", entries)
		}
	})
}
