package cli

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/cryptosuite"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/workday"
)

func init() {
	register("audit", "审计日志: audit verify [--checkpoints FILE [--public-key HEX|FILE]] 校验哈希链; audit checkpoint 写检查点; audit purge 按保留期清理", runAudit)
}

const auditUsage = "用法: duban audit verify [--checkpoints FILE [--public-key HEX|FILE]] | checkpoint | purge [--audit-retention DAYS]  [--data DIR] [--db DSN]"

// runAudit runs `duban audit verify|checkpoint|purge`.
func runAudit(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%s: %w", auditUsage, errUsage)
	}
	if isHelp(args[0]) || args[0] == "help" {
		fmt.Fprintln(env.Stdout, auditUsage)
		return nil
	}
	switch args[0] {
	case "verify":
		return auditVerify(ctx, env, args[1:])
	case "checkpoint":
		return auditCheckpoint(ctx, env, args[1:])
	case "purge":
		return auditPurge(ctx, env, args[1:])
	}
	return fmt.Errorf("%s: %w", auditUsage, errUsage)
}

// chainHashName names each crypto suite's chain hash for the verdict.
var chainHashName = map[string]string{cryptosuite.NameDefault: "SHA-256", cryptosuite.NameGM: "SM3"}

// openAuditDB opens the database as it is, for the audit commands, with
// the crypto suite the database records: the chain is checked with the
// hash it was written with, and no data key is needed.
func openAuditDB(ctx context.Context, env *Env, cfg config.Config) (*store.DB, error) {
	return store.Open(ctx, store.Options{DataDir: cfg.DataDir, DSN: cfg.DB, SkipMigrate: true, AdoptCrypto: true, Logger: newLogger(env, "warn", cfg.LogFormat)})
}

// auditVerify reads the whole log and checks that no entry was edited,
// deleted or reordered; with --checkpoints, also that the chain still
// matches every checkpoint written outside the database (no tail cut off,
// no re-hashing), and with --public-key that every line and purge
// summary is signed by that key. Exit status 1 when anything is wrong, so
// that a cron job can alarm.
func auditVerify(ctx context.Context, env *Env, args []string) error {
	fs := newConfigFlags(env, "audit verify", "[--checkpoints FILE [--public-key HEX|FILE]] [--data DIR] [--db DSN]", "data", "db")
	cpFile := fs.String("checkpoints", "", "检查点文件 (audit_checkpoint_file)：同时核对链是否被截断或重算")
	pubArg := fs.String("public-key", "", "审计签名公钥（64 位十六进制，或存有它的文件；duban keygen --audit-signing 输出）：同时核对每行检查点和清理摘要的签名")
	cfg, _, err := config.Load(fs, args, os.Getenv)
	if err != nil {
		return err
	}
	var pub ed25519.PublicKey
	if *pubArg != "" {
		if *cpFile == "" {
			return fmt.Errorf("--public-key: %s: %w", i18n.Lookup(i18n.Default, "cli.audit.public_key_alone"), errUsage)
		}
		if pub, err = readPublicKey(*pubArg); err != nil {
			return err
		}
	}
	var cps []audit.Checkpoint
	if *cpFile != "" {
		f, err := os.Open(*cpFile)
		if err != nil {
			return err
		}
		cps, err = audit.ReadCheckpoints(f)
		f.Close()
		if err != nil {
			return err
		}
		if len(cps) == 0 {
			return errors.New(i18n.Lookup(i18n.Default, "cli.audit.checkpoints_none", "file", *cpFile))
		}
	}
	db, err := openAuditDB(ctx, env, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	var n int
	var problems []audit.Problem
	if cps != nil {
		n, problems, err = db.VerifyAuditCheckpoints(ctx, cps, pub)
	} else {
		n, problems, err = db.VerifyAudit(ctx)
	}
	if err != nil {
		return err
	}
	if cps != nil && pub == nil {
		fmt.Fprintln(env.Stdout, i18n.Lookup(i18n.Default, "cli.audit.signatures_unchecked"))
	}
	if len(problems) == 0 {
		h := chainHashName[db.CryptoSuite()]
		fmt.Fprintf(env.Stdout, "审计日志完整：%d 条记录，哈希链（%s）无断裂 (intact: %d entries, %s chain)\n", n, h, n, h)
		if cps != nil {
			fmt.Fprintln(env.Stdout, i18n.Lookup(i18n.Default, "cli.audit.checkpoints_ok", "n", len(cps)))
			if pub != nil {
				fmt.Fprintln(env.Stdout, i18n.Lookup(i18n.Default, "cli.audit.signatures_ok", "n", len(cps)))
			}
		}
		return nil
	}
	fmt.Fprintf(env.Stdout, "审计日志被篡改：%d 条记录中发现 %d 处问题 (tampered):\n", n, len(problems))
	for _, p := range problems {
		fmt.Fprintf(env.Stdout, "  %s\n", p)
	}
	return fmt.Errorf("审计日志校验失败")
}

// readPublicKey takes --public-key: the key's 64 hexadecimal digits, or
// a file holding them.
func readPublicKey(arg string) (ed25519.PublicKey, error) {
	if pub, err := audit.ParsePublicKey(arg); err == nil {
		return pub, nil
	}
	b, err := os.ReadFile(arg)
	if err != nil {
		return nil, fmt.Errorf("--public-key %s: %s: %w", arg, i18n.Lookup(i18n.Default, "cli.audit.public_key_bad"), err)
	}
	pub, err := audit.ParsePublicKey(string(b))
	if err != nil {
		return nil, fmt.Errorf("--public-key %s: %s: %w", arg, i18n.Lookup(i18n.Default, "cli.audit.public_key_bad"), err)
	}
	return pub, nil
}

// auditCheckpoint writes one checkpoint of the chain's head now, to the
// configured file and webhook: for a cron job where serve does not run,
// or before and after maintenance.
func auditCheckpoint(ctx context.Context, env *Env, args []string) error {
	fs := newConfigFlags(env, "audit checkpoint", "[--audit-checkpoint-file FILE] [--audit-checkpoint-webhook URL] [--data DIR] [--db DSN]",
		"data", "db", "audit-checkpoint-file", "audit-checkpoint-webhook", "audit-signing-key-file")
	cfg, _, err := config.Load(fs, args, os.Getenv)
	if err != nil {
		return err
	}
	if cfg.AuditCheckpointFile == "" && cfg.AuditCheckpointWebhook == "" {
		return fmt.Errorf("%s: %w", i18n.Lookup(i18n.Default, "cli.audit.no_checkpoint_file"), errUsage)
	}
	db, err := openAuditDB(ctx, env, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	head, err := db.AuditHead(ctx)
	if err != nil {
		return err
	}
	k, err := newAuditKeeper(db, cfg, time.Now, newLogger(env, "warn", cfg.LogFormat))
	if err != nil {
		return err
	}
	if err := k.publish(ctx, audit.Checkpoint{Kind: audit.KindCheckpoint, Seq: head.Seq, Hash: head.Hash, At: time.Now().UTC()}); err != nil {
		return err
	}
	var to []string
	for _, d := range []string{cfg.AuditCheckpointFile, cfg.AuditCheckpointWebhook} {
		if d != "" {
			to = append(to, d)
		}
	}
	fmt.Fprintln(env.Stdout, i18n.Lookup(i18n.Default, "cli.audit.checkpoint_written", "seq", head.Seq, "file", strings.Join(to, ", ")))
	return nil
}

// auditPurge deletes the entries older than the retention and leaves a
// purge summary in the chain and in the checkpoint file.
func auditPurge(ctx context.Context, env *Env, args []string) error {
	fs := newConfigFlags(env, "audit purge", "[--audit-retention DAYS] [--audit-checkpoint-file FILE] [--data DIR] [--db DSN]",
		"data", "db", "audit-retention", "audit-checkpoint-file", "audit-checkpoint-webhook", "audit-signing-key-file")
	cfg, _, err := config.Load(fs, args, os.Getenv)
	if err != nil {
		return err
	}
	if cfg.AuditRetention <= 0 {
		return fmt.Errorf("%s: %w", i18n.Lookup(i18n.Default, "cli.audit.no_retention"), errUsage)
	}
	db, err := openAuditDB(ctx, env, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	k, err := newAuditKeeper(db, cfg, time.Now, newLogger(env, "warn", cfg.LogFormat))
	if err != nil {
		return err
	}
	p, summary, done, err := k.purge(ctx)
	if err != nil {
		return err
	}
	before := p.Before.In(workday.Zone).Format(time.DateTime)
	if !done {
		fmt.Fprintln(env.Stdout, i18n.Lookup(i18n.Default, "cli.audit.purge_nothing", "before", before))
		return nil
	}
	fmt.Fprintln(env.Stdout, i18n.Lookup(i18n.Default, "cli.audit.purged", "from", p.From, "to", p.To, "count", p.Count,
		"before", before, "seq", summary.Seq))
	if cfg.AuditCheckpointFile == "" && cfg.AuditCheckpointWebhook == "" {
		fmt.Fprintln(env.Stdout, i18n.Lookup(i18n.Default, "cli.audit.purge_unanchored"))
	}
	return nil
}
