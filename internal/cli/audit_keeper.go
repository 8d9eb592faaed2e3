package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/cryptosuite"
	"github.com/duban/duban/internal/store"
)

// auditKeeper is the serve job "audit_keeper": at every interval it
// writes the audit chain's head outside the database (a checkpoint, to a
// file only ever appended to and/or a webhook), and once a day, when a
// retention is set, purges the entries older than it. It never stops on
// an error: each is logged and the next tick tries again.
//
// Several instances on one PostgreSQL database each run a keeper, and one
// of them leads: the holder of the "audit_keeper" job lock, held from
// tick to tick (store.JobHold). The others do nothing, so that the
// webhook gets each head once and not once per instance, and one purge
// runs a day. When the leader stops or its session dies another takes the
// lock at its next tick.
type auditKeeper struct {
	db        *store.DB
	file      string
	webhook   string
	interval  time.Duration
	retention int           // days; 0 keeps every entry
	signer    *audit.Signer // nil: lines and summaries unsigned
	now       func() time.Time
	log       *slog.Logger
	client    *http.Client

	lock      *store.JobHold // the "audit_keeper" lock, while this instance leads
	last      audit.Head     // the head last published
	published bool
	lastPurge time.Time
}

// keeperLock names the job lock of the instance that leads.
const keeperLock = "audit_keeper"

// newAuditKeeper builds the job from the configuration; it fails only on
// a signing key that cannot be used, which must stop the start.
func newAuditKeeper(db *store.DB, cfg config.Config, now func() time.Time, log *slog.Logger) (*auditKeeper, error) {
	signer, err := loadAuditSigner(cfg.AuditSigningKeyFile)
	if err != nil {
		return nil, err
	}
	return &auditKeeper{db: db, file: cfg.AuditCheckpointFile, webhook: cfg.AuditCheckpointWebhook,
		interval: time.Duration(cfg.AuditCheckpointInterval), retention: cfg.AuditRetention, signer: signer, now: now,
		log: log.With("job", "audit_keeper"), client: &http.Client{Timeout: 10 * time.Second}}, nil
}

// loadAuditSigner reads audit_signing_key_file; none configured is no
// signer. The file is refused when others may read it, as the data key's.
func loadAuditSigner(file string) (*audit.Signer, error) {
	if file == "" {
		return nil, nil
	}
	b, err := cryptosuite.ReadPrivateFile(file)
	if err != nil {
		return nil, fmt.Errorf("audit_signing_key_file: %w", err)
	}
	s, err := audit.ParseSigningKey(b)
	if err != nil {
		return nil, fmt.Errorf("audit_signing_key_file %s: %w", file, err)
	}
	return s, nil
}

// active says whether there is anything for the job to do.
func (k *auditKeeper) active() bool {
	return k.file != "" || k.webhook != "" || k.retention > 0
}

// run ticks at once and then at every interval until ctx ends, and then
// lets go of the lead, for another instance to take at its next tick.
func (k *auditKeeper) run(ctx context.Context) {
	t := time.NewTicker(k.interval)
	defer t.Stop()
	defer k.resign()
	for {
		k.tick(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// lead says whether this instance is the one to publish and purge now:
// it holds the keeper's lock, taken here if it has none or its hold died.
func (k *auditKeeper) lead(ctx context.Context) bool {
	if k.lock.Alive(ctx) {
		return true
	}
	k.resign()
	h, ok, err := k.db.HoldJobLock(ctx, keeperLock)
	if err != nil {
		k.log.Error("audit keeper: take the lead failed", "err", err)
		return false
	}
	if !ok {
		return false
	}
	k.lock = h
	// A new leader cannot know whether the last one published the head
	// before it stopped or died, so it publishes it once now. On a
	// failover that is often a repeat of the last checkpoint: harmless, as
	// a checkpoint only says the chain had this head at that time.
	k.published = false
	return true
}

// resign lets go of the lead, if this instance has it.
func (k *auditKeeper) resign() {
	k.lock.Release()
	k.lock = nil
}

// tick does one round, on the leading instance only: the purge when due,
// then a checkpoint if the head moved. A panic is logged, not let loose on
// the server.
func (k *auditKeeper) tick(ctx context.Context) {
	defer func() {
		if r := recover(); r != nil {
			k.log.Error("audit keeper panicked", "panic", fmt.Sprint(r))
		}
	}()
	if !k.lead(ctx) {
		return
	}
	now := k.now()
	if k.retention > 0 && (k.lastPurge.IsZero() || now.Sub(k.lastPurge) >= 24*time.Hour) {
		if _, _, _, err := k.purge(ctx); err != nil {
			k.log.Error("audit purge failed", "err", err)
		} else {
			k.lastPurge = now
		}
	}
	k.checkpoint(ctx)
}

// checkpoint publishes the head if it moved since the last publication
// (or that failed), logging any failure.
func (k *auditKeeper) checkpoint(ctx context.Context) {
	if k.file == "" && k.webhook == "" {
		return
	}
	now := k.now()
	head, err := k.db.AuditHead(ctx)
	if err != nil {
		k.log.Error("audit checkpoint: read head failed", "err", err)
		return
	}
	if k.published && head == k.last {
		return
	}
	if err := k.publish(ctx, audit.Checkpoint{Kind: audit.KindCheckpoint, Seq: head.Seq, Hash: head.Hash, At: now.UTC()}); err != nil {
		k.log.Error("audit checkpoint failed", "seq", head.Seq, "err", err)
		return
	}
	k.last, k.published = head, true
}

// purge deletes the entries older than the retention and publishes the
// summary entry as a purge checkpoint. The purge is in the database
// whether or not publishing works; a failure to publish is returned.
func (k *auditKeeper) purge(ctx context.Context) (audit.Purge, audit.Entry, bool, error) {
	before := k.now().Add(-time.Duration(k.retention) * 24 * time.Hour)
	p, summary, done, err := k.db.PurgeAudit(ctx, audit.System, before, k.signer)
	if err != nil || !done {
		return p, summary, done, err
	}
	k.log.Info("audit log purged", "from", p.From, "to", p.To, "count", p.Count, "summary_seq", summary.Seq)
	if k.file == "" && k.webhook == "" {
		return p, summary, true, nil
	}
	cp := audit.Checkpoint{Kind: audit.KindPurge, Seq: summary.Seq, Hash: summary.Hash, At: k.now().UTC(), Purge: &p}
	if err := k.publish(ctx, cp); err != nil {
		return p, summary, true, fmt.Errorf("audit purge done, but its checkpoint failed: %w", err)
	}
	k.last, k.published = audit.Head{Seq: summary.Seq, Hash: summary.Hash}, true
	return p, summary, true, nil
}

// publish signs cp (with a key) and appends it to the checkpoint file and
// POSTs it to the webhook, each when configured; both are tried, and
// every failure returned.
func (k *auditKeeper) publish(ctx context.Context, cp audit.Checkpoint) error {
	cp = k.signer.SignCheckpoint(cp)
	var errs []error
	if k.file != "" {
		errs = append(errs, audit.AppendCheckpoint(k.file, cp))
	}
	if k.webhook != "" {
		errs = append(errs, k.post(ctx, cp))
	}
	return errors.Join(errs...)
}

// post sends cp as JSON, the same line the file gets.
func (k *auditKeeper) post(ctx context.Context, cp audit.Checkpoint) error {
	body, err := json.Marshal(cp)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, k.webhook, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("audit checkpoint webhook: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := k.client.Do(req)
	if err != nil {
		return fmt.Errorf("audit checkpoint webhook: %w", err)
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("audit checkpoint webhook: %s", resp.Status)
	}
	return nil
}
