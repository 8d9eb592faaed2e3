package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/cryptosuite"
)

// keyFile writes a fresh data key where an operator would keep it: outside
// the data folder, readable by its owner only.
func keyFile(t *testing.T) string {
	t.Helper()
	k, err := cryptosuite.NewKey()
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "sm4.key")
	if err := os.WriteFile(f, []byte(k+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return f
}

// The personal data of one caller and one applicant, written as people
// write it.
const (
	callerName    = "王小明"
	callerPhone   = "138 0013-8000"
	callerEmail   = "wxm@example.cn"
	ticketAddress = "鹿城区五马街道解放街12号3单元"
	applicantName = "李华"
	applicantID   = "330302199001011234"
	applicantTel  = "13900139000"
	applicantMail = "lihua@example.cn"
	applicantAddr = "瓯海区娄桥街道古岸头村5号"
)

var personalValues = []string{callerName, "13800138000", "0013", callerEmail, ticketAddress, "解放街",
	applicantName, applicantID, "19900101", applicantTel, applicantMail, applicantAddr}

func addPersonalRows(t *testing.T, db *DB) (ticketID, foiaID int64) {
	t.Helper()
	ctx := context.Background()
	office := audit.Actor{ID: 1, Username: "office", IP: "127.0.0.1"}
	ticketID, err := db.CreateTicket(ctx, office, Ticket{Type: "complaint", Urgency: "normal", Channel: "phone",
		Description: "噪音扰民", Address: ticketAddress, CallerName: callerName, CallerPhone: callerPhone, CallerEmail: callerEmail,
		State: "received", DueAt: testNow.Add(72 * time.Hour), ReceivedAt: testNow})
	if err != nil {
		t.Fatalf("create ticket: %v", err)
	}
	foiaID, err = db.CreateFOIARequest(ctx, office, FOIARequest{ApplicantKind: "person", ApplicantName: applicantName,
		ApplicantIDNo: applicantID, ApplicantPhone: applicantTel, ApplicantEmail: applicantMail, ApplicantAddr: applicantAddr,
		Channel: "online", ReceivedOn: time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC), Content: "某项目环评报告", Form: "电子", State: "received"})
	if err != nil {
		t.Fatalf("create information request: %v", err)
	}
	return ticketID, foiaID
}

// rawPersonal reads the personal columns as they lie in the database.
func rawPersonal(t *testing.T, db *DB) []string {
	t.Helper()
	var out []string
	for _, q := range []string{
		`SELECT address, caller_name, caller_phone, caller_email, caller_phone_idx FROM tickets`,
		`SELECT applicant_name, applicant_id_no, applicant_phone, applicant_email, applicant_addr FROM foia_requests`,
	} {
		rows, err := db.read.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			v := make([]string, 5)
			if err := rows.Scan(&v[0], &v[1], &v[2], &v[3], &v[4]); err != nil {
				t.Fatal(err)
			}
			out = append(out, v...)
		}
		rows.Close()
	}
	return out
}

// TestGMPersonalDataAtRest: under crypto gm the personal columns of
// tickets and information requests hold SM4-GCM ciphertext, read back in
// the clear through the store; a caller is still found by phone and an
// applicant by ID number; the audit chain is SM3 and verifies.
func TestGMPersonalDataAtRest(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		opts.Crypto, opts.DataKeyFile = cryptosuite.NameGM, keyFile(t)
		db := openWith(t, opts)
		if db.CryptoSuite() != cryptosuite.NameGM {
			t.Fatalf("suite %q", db.CryptoSuite())
		}
		ticketID, foiaID := addPersonalRows(t, db)

		raw := rawPersonal(t, db)
		if len(raw) != 10 {
			t.Fatalf("raw columns: %q", raw)
		}
		for i, v := range raw {
			if v == "" {
				t.Errorf("raw column %d is empty", i)
			}
			for _, p := range personalValues {
				if strings.Contains(v, p) {
					t.Errorf("raw column %d = %q holds %q in the clear", i, v, p)
				}
			}
		}

		tk, err := db.FindTicket(ctx, ticketID)
		if err != nil || tk.CallerName != callerName || tk.CallerPhone != callerPhone || tk.CallerEmail != callerEmail || tk.Address != ticketAddress {
			t.Fatalf("ticket read back: %+v, %v", tk, err)
		}
		list, err := db.FindTickets(ctx, TicketFilter{})
		if err != nil || len(list) != 1 || list[0].CallerPhone != callerPhone {
			t.Fatalf("ticket list: %+v, %v", list, err)
		}
		stepped, err := db.StepTicket(ctx, audit.System, ticketID, "note", "回访", func(t *Ticket) error { return nil })
		if err != nil || stepped.CallerName != callerName {
			t.Fatalf("step: %+v, %v", stepped, err)
		}
		r, _, err := db.FindFOIARequest(ctx, foiaID)
		if err != nil || r.ApplicantName != applicantName || r.ApplicantIDNo != applicantID || r.ApplicantPhone != applicantTel ||
			r.ApplicantEmail != applicantMail || r.ApplicantAddr != applicantAddr {
			t.Fatalf("request read back: %+v, %v", r, err)
		}

		// Found by the keyed index however the number is written.
		for _, phone := range []string{"13800138000", "１３８００１３８０００", "138-0013-8000"} {
			if ids, err := db.TicketIDsByCallerPhone(ctx, phone); err != nil || len(ids) != 1 || ids[0] != ticketID {
				t.Errorf("by phone %q: %v, %v", phone, ids, err)
			}
		}
		if ids, err := db.TicketIDsByCallerPhone(ctx, "13800138001"); err != nil || len(ids) != 0 {
			t.Errorf("another phone found %v, %v", ids, err)
		}
		if ids, err := db.FOIARequestIDsByApplicantID(ctx, "3303 0219 9001 0112 34"); err != nil || len(ids) != 1 || ids[0] != foiaID {
			t.Errorf("by ID number: %v, %v", ids, err)
		}

		// The chain is SM3's: it verifies, and not as SHA-256.
		n, problems, err := db.VerifyAudit(ctx)
		if err != nil || n != 3 || len(problems) != 0 {
			t.Fatalf("verify: %d, %v, %v", n, problems, err)
		}
		entries, head, _ := db.auditChain(ctx)
		if p := audit.Verify(entries, head); len(p) == 0 {
			t.Error("the gm chain verified as SHA-256")
		}
	})
}

// TestCryptoSuiteRecorded: a database keeps the suite it was begun with.
// Opened with the other suite, or with another key, it is refused with a
// message in Chinese; the audit commands (AdoptCrypto) open it with the
// recorded suite and no key, and find an edited entry.
func TestCryptoSuiteRecorded(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		gmOpts := opts
		gmOpts.Crypto, gmOpts.DataKeyFile = cryptosuite.NameGM, keyFile(t)
		db := openWith(t, gmOpts)
		addPersonalRows(t, db)
		db.Close()

		for name, o := range map[string]Options{
			"default":   opts,
			"other key": func() Options { o := gmOpts; o.DataKeyFile = keyFile(t); return o }(),
		} {
			_, err := Open(ctx, o)
			if !errors.Is(err, ErrCryptoMismatch) || !strings.Contains(err.Error(), "密") {
				t.Errorf("%s: %v", name, err)
			}
		}
		noKey := gmOpts
		noKey.DataKeyFile = ""
		if _, err := Open(ctx, noKey); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "data_key_file") {
			t.Errorf("gm without a key: %v", err)
		}

		adopt := opts
		adopt.AdoptCrypto, adopt.SkipMigrate = true, true
		vdb := openWith(t, adopt)
		if vdb.CryptoSuite() != cryptosuite.NameGM {
			t.Fatalf("adopted %q", vdb.CryptoSuite())
		}
		if n, problems, err := vdb.VerifyAudit(ctx); err != nil || n != 2 || len(problems) != 0 {
			t.Fatalf("verify with the recorded suite: %d %v %v", n, problems, err)
		}
		if _, err := vdb.FindTicket(ctx, 1); !errors.Is(err, cryptosuite.ErrNoKey) {
			t.Errorf("personal data read without the key: %v", err)
		}
		drop := `DROP TRIGGER audit_log_no_update`
		if vdb.Kind() == "postgres" {
			drop += ` ON audit_log`
		}
		for _, q := range []string{drop, `UPDATE audit_log SET after_json = '{"state":"closed"}' WHERE seq = 2`} {
			if _, err := vdb.write.ExecContext(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		if _, problems, _ := vdb.VerifyAudit(ctx); len(problems) != 1 || problems[0].Seq != 2 {
			t.Errorf("edited entry under gm: %v", problems)
		}
	})
}

// TestDefaultSuiteAsBefore: without configuration the store is as it was:
// SHA-256 chain, personal columns in the clear, nothing in the index
// columns, the database recorded as default and refused under gm.
func TestDefaultSuiteAsBefore(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		db := openWith(t, opts)
		ticketID, foiaID := addPersonalRows(t, db)
		raw := rawPersonal(t, db)
		want := []string{ticketAddress, callerName, callerPhone, callerEmail, "", applicantName, applicantID, applicantTel, applicantMail, applicantAddr}
		if strings.Join(raw, "|") != strings.Join(want, "|") {
			t.Errorf("raw columns %q, want %q", raw, want)
		}
		entries, head, _ := db.auditChain(ctx)
		if p := audit.Verify(entries, head); len(entries) != 2 || len(p) != 0 {
			t.Errorf("default chain as SHA-256: %d entries, %v", len(entries), p)
		}
		if ids, err := db.TicketIDsByCallerPhone(ctx, callerPhone); err != nil || len(ids) != 1 || ids[0] != ticketID {
			t.Errorf("by phone: %v, %v", ids, err)
		}
		if ids, err := db.FOIARequestIDsByApplicantID(ctx, applicantID); err != nil || len(ids) != 1 || ids[0] != foiaID {
			t.Errorf("by ID number: %v, %v", ids, err)
		}
		db.Close()
		gm := opts
		gm.Crypto, gm.DataKeyFile = cryptosuite.NameGM, keyFile(t)
		if _, err := Open(ctx, gm); !errors.Is(err, ErrCryptoMismatch) || !strings.Contains(err.Error(), "「default」") {
			t.Errorf("default database opened under gm: %v", err)
		}
	})
}

// BenchmarkFindTicketsGM lists 100 tickets under gm, which opens four
// sealed columns a row; BenchmarkFindTicketsDefault is the same list in
// the clear.
func BenchmarkFindTicketsGM(b *testing.B)      { benchFindTickets(b, cryptosuite.NameGM) }
func BenchmarkFindTicketsDefault(b *testing.B) { benchFindTickets(b, cryptosuite.NameDefault) }

func benchFindTickets(b *testing.B, suite string) {
	ctx := context.Background()
	opts := testOptions(b, "sqlite")
	opts.Crypto = suite
	if suite == cryptosuite.NameGM {
		k, _ := cryptosuite.NewKey()
		opts.DataKeyFile = filepath.Join(b.TempDir(), "sm4.key")
		os.WriteFile(opts.DataKeyFile, []byte(k), 0o600)
	}
	db := openWith(b, opts)
	for range 100 {
		if _, err := db.CreateTicket(ctx, audit.System, Ticket{Type: "complaint", Urgency: "normal", Channel: "phone", Description: "噪音",
			Address: ticketAddress, CallerName: callerName, CallerPhone: callerPhone, CallerEmail: callerEmail, State: "received",
			DueAt: testNow, ReceivedAt: testNow}); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		if list, err := db.FindTickets(ctx, TicketFilter{Limit: 100}); err != nil || len(list) != 100 {
			b.Fatal(len(list), err)
		}
	}
}

// TestCryptoSuiteOfOlderDatabase: a database from before migration 0021
// that holds audit entries was begun with the default, and the migration
// records it so: opened under gm after the upgrade it is refused, and
// under the default it goes on as before.
func TestCryptoSuiteOfOlderDatabase(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		db := openWith(t, opts)
		ticketID, _ := addPersonalRows(t, db)
		// Back to schema 20, as a duban of the previous version left it:
		// the later migrations undone first, newest first (0024 unit
		// groups, 0023 sub-tasks, 0022 task changes, 0025 report problems,
		// 0026 matters, 0027 inspections, 0028 catch-all units, 0029 take-overs, 0030 plan importer,
		// 0031 shared state, 0032 task search, whose SQLite trigger goes first, 0033 data generations,
		// 0034 random inspections, 0035 lights summaries, 0036 proposals, 0037 decisions, 0038 commitments, 0039 random matters,
		// 0040 task list entries, 0041 ranking sums).
		// 0041 ranking sums: their triggers first (PostgreSQL's go with
		// their functions).
		sumsUndo := []string{`DROP FUNCTION assess_children_changed CASCADE`,
			`DROP FUNCTION assess_row_changed CASCADE`, `DROP FUNCTION assess_unit_kind CASCADE`, `DROP FUNCTION assess_stale`}
		if db.Kind() != "postgres" {
			sumsUndo = []string{`DROP TRIGGER assess_unit_kind`, `DROP TRIGGER assess_task_update`}
			for _, table := range []string{"units", "close", "events"} {
				for _, op := range []string{"insert", "delete", "update"} {
					sumsUndo = append(sumsUndo, `DROP TRIGGER assess_`+table+`_`+op)
				}
			}
		}
		for _, q := range append(sumsUndo, `DROP INDEX tasks_revoked`, `DROP INDEX close_requests_closed`, `DROP TABLE assess_dirty`,
			`DROP TABLE assess_folded`, `DROP TABLE assess_due`, `DROP TABLE assess_events`) {
			if _, err := db.write.ExecContext(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		// 0040 task list entries: their triggers first, by dialect.
		entryUndo := []string{`DROP TRIGGER task_entries_task_update`, `DROP TRIGGER task_entries_task_delete`, `DROP TRIGGER task_entries_plan_source`}
		for _, child := range []string{"units", "deadlines", "targets", "milestones"} {
			for _, op := range []string{"insert", "delete", "update"} {
				entryUndo = append(entryUndo, `DROP TRIGGER task_entries_`+child+`_`+op)
			}
		}
		if db.Kind() == "postgres" {
			entryUndo = []string{`DROP FUNCTION task_entries_task_update CASCADE`, `DROP FUNCTION task_entries_task_delete CASCADE`,
				`DROP FUNCTION task_entries_plan_source CASCADE`, `DROP FUNCTION task_entries_children CASCADE`,
				`DROP FUNCTION task_entries_child_update CASCADE`, `DROP FUNCTION task_entries_stale`}
		}
		if db.Kind() != "postgres" {
			entryUndo = append(entryUndo, `DROP INDEX tasks_listing`)
		}
		for _, q := range append(entryUndo, `DROP TABLE task_entries`) {
			if _, err := db.write.ExecContext(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		// 0035 lights summaries: their triggers first, by dialect.
		undo := []string{`DROP TRIGGER task_lights_insert`, `DROP TRIGGER task_lights_delete`, `DROP TRIGGER task_lights_update`,
			`DROP TRIGGER unit_lights_insert`, `DROP TRIGGER unit_lights_delete`, `DROP TRIGGER unit_lights_update`,
			`DROP TRIGGER event_days_insert`, `DROP TRIGGER event_days_delete`, `DROP TRIGGER event_days_update`}
		if db.Kind() == "postgres" {
			undo = []string{`DROP FUNCTION task_lights_keep CASCADE`, `DROP FUNCTION unit_lights_keep CASCADE`, `DROP FUNCTION event_days_keep CASCADE`,
				`DROP FUNCTION task_lights_add`, `DROP FUNCTION unit_lights_add`, `DROP FUNCTION event_days_add`, `DROP FUNCTION lights_month`}
		}
		for _, q := range append(undo, `DROP INDEX tasks_due_lights`, `DROP INDEX task_units_due_lights`, `DROP INDEX supervision_events_unanswered`,
			`DROP TABLE task_lights`, `DROP TABLE unit_lights`, `DROP TABLE event_days`) {
			if _, err := db.write.ExecContext(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		if db.dialect.name == "sqlite" {
			if _, err := db.write.ExecContext(ctx, `DROP TRIGGER task_search_gone`); err != nil {
				t.Fatal(err)
			}
		}
		for _, q := range []string{
			`DROP INDEX random_matters_unit`, `DROP TABLE random_matters`,
			`DROP TABLE commitment_progress`, `DROP TABLE commitments`,
			`DROP TABLE decision_adjustments`, `DROP TABLE decision_comments`, `DROP TABLE decision_files`, `DROP TABLE decision_steps`,
			`DROP TABLE decisions`, `DROP TABLE decision_catalogues`,
			`DROP TABLE proposal_events`, `DROP TABLE proposal_units`, `DROP TABLE proposals`,
			`DROP TABLE random_checks`, `DROP INDEX random_plans_unit`, `DROP TABLE random_plans`, `DROP TABLE random_ties`,
			`DROP TABLE random_inspectors`, `DROP TABLE random_entities`,
			`DROP TABLE data_generations`, `DROP TABLE task_search`,
			`DROP TABLE rate_counts`, `DROP TABLE file_chunks`, `DROP TABLE file_objects`,
			`DROP INDEX plans_imported_by`, `ALTER TABLE plans DROP COLUMN imported_by`,
			`DROP TABLE task_takeovers`,
			`ALTER TABLE units DROP COLUMN members_group_id`,
			`DROP TABLE finding_rechecks`, `DROP TABLE finding_files`, `DROP TABLE inspection_findings`, `DROP TABLE inspections`,
			`DROP TABLE inspection_plan_units`, `DROP TABLE inspection_plans`,
			`DROP TABLE matters`, `DROP TABLE matter_kinds`, `DROP INDEX plans_source_year`, `ALTER TABLE plans DROP COLUMN source`,
			`DROP TABLE unit_group_members`, `DROP TABLE unit_groups`,
			`DROP INDEX tasks_parent`, `ALTER TABLE tasks DROP COLUMN part_weight`, `ALTER TABLE tasks DROP COLUMN parent_id`,
			`DROP TABLE task_changes`, `ALTER TABLE tasks DROP COLUMN revoked_on`,
			`DROP INDEX tickets_caller_phone_idx`, `DROP INDEX foia_requests_applicant_id_idx`, `DROP INDEX foia_requests_applicant_phone_idx`,
			`ALTER TABLE tickets DROP COLUMN caller_phone_idx`, `ALTER TABLE foia_requests DROP COLUMN applicant_id_idx`,
			`ALTER TABLE foia_requests DROP COLUMN applicant_phone_idx`, `DROP TABLE crypto_suite`,
			`ALTER TABLE progress_reports DROP COLUMN problems`, `ALTER TABLE progress_reports DROP COLUMN next_steps`,
			`DELETE FROM schema_migrations WHERE version >= 21`,
		} {
			if _, err := db.write.ExecContext(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		db.Close()
		gm := opts
		gm.Crypto, gm.DataKeyFile = cryptosuite.NameGM, keyFile(t)
		if _, err := Open(ctx, gm); !errors.Is(err, ErrCryptoMismatch) || !strings.Contains(err.Error(), "「default」") {
			t.Fatalf("an older database opened under gm: %v", err)
		}
		db = openWith(t, opts)
		if v, _ := db.SchemaVersion(ctx); v != db.LatestSchemaVersion() || db.CryptoSuite() != cryptosuite.NameDefault {
			t.Fatalf("upgraded to %d under %q", v, db.CryptoSuite())
		}
		if tk, err := db.FindTicket(ctx, ticketID); err != nil || tk.CallerPhone != callerPhone {
			t.Errorf("the older ticket: %+v %v", tk, err)
		}
		if n, problems, err := db.VerifyAudit(ctx); err != nil || n != 2 || len(problems) != 0 {
			t.Errorf("the older chain: %d %v %v", n, problems, err)
		}
	})
}

// TestGMTOTPSecretAtRest: under the 国密 suite a second factor's secret is
// sealed like personal data — the column never holds it — and reads back
// for checking codes; cleared, it stays empty.
func TestGMTOTPSecretAtRest(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		opts.Crypto, opts.DataKeyFile = cryptosuite.NameGM, keyFile(t)
		db := openWith(t, opts)
		u, err := db.CreateUser(ctx, audit.System, UserCreate{Username: "office", PasswordHash: "x", Role: authz.Office})
		if err != nil {
			t.Fatal(err)
		}
		const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
		if err := db.StartTOTP(ctx, audit.System, u.ID, secret); err != nil {
			t.Fatal(err)
		}
		var raw string
		if err := db.read.QueryRowContext(ctx, db.dialect.rebind(`SELECT totp_secret FROM users WHERE id = ?`), u.ID).Scan(&raw); err != nil {
			t.Fatal(err)
		}
		if raw == "" || strings.Contains(raw, secret) {
			t.Errorf("the column holds %q", raw)
		}
		if got, err := db.FindTOTP(ctx, u.ID); err != nil || got.Secret != secret {
			t.Errorf("read back %+v, %v", got, err)
		}
		if _, err := db.ResetTOTP(ctx, audit.System, u.ID); err != nil {
			t.Fatal(err)
		}
		if got, err := db.FindTOTP(ctx, u.ID); err != nil || got.Secret != "" || got.Enabled {
			t.Errorf("after the reset %+v, %v", got, err)
		}
	})
}
