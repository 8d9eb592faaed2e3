package audit

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
)

// Signer signs checkpoint lines and purge summaries with an Ed25519 key
// (audit_signing_key_file). A nil *Signer signs nothing: every method
// returns its argument unchanged, so unsigned operation needs no branch.
type Signer struct{ key ed25519.PrivateKey }

// NewSigningKey makes a fresh Ed25519 key: its 32-byte seed, hex-encoded
// as a key file holds it, and its public key, hex-encoded as `duban audit
// verify --public-key` takes it.
func NewSigningKey() (seed, public string, err error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return "", "", fmt.Errorf("audit: new signing key: %w", err)
	}
	return hex.EncodeToString(priv.Seed()), hex.EncodeToString(pub), nil
}

// ParseSigningKey reads a signing key file's contents: the Ed25519 seed
// as 64 hexadecimal digits (RFC 8032's 32-byte private key), surrounding
// white space ignored.
func ParseSigningKey(b []byte) (*Signer, error) {
	seed, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("audit: the signing key must be %d hexadecimal digits (an Ed25519 seed; duban keygen --audit-signing writes one) (签名密钥格式不对)", 2*ed25519.SeedSize)
	}
	return &Signer{key: ed25519.NewKeyFromSeed(seed)}, nil
}

// ParsePublicKey reads a public key given as 64 hexadecimal digits, as
// `duban keygen --audit-signing` prints it.
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	k, err := hex.DecodeString(strings.TrimSpace(s))
	if err != nil || len(k) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("audit: a public key is %d hexadecimal digits (公钥格式不对)", 2*ed25519.PublicKeySize)
	}
	return ed25519.PublicKey(k), nil
}

// Public is the key that verifies s's signatures, hex-encoded.
func (s *Signer) Public() string {
	return hex.EncodeToString(s.key.Public().(ed25519.PublicKey))
}

// SignedBytes is what a purge summary's signature covers: the summary as
// compact JSON without its sig field, keys in the order duban writes them
// (from, to, count, last_hash, before), times in RFC 3339 UTC. From a
// purge line, `jq -cj '.purge | del(.sig)'` gives the same bytes.
func (p Purge) SignedBytes() []byte {
	p.Sig = ""
	b, _ := json.Marshal(p) // a struct of numbers, strings and a time: never fails
	return b
}

// SignedBytes is what a checkpoint line's signature covers: the line as
// compact JSON without its top-level sig field, keys in the order duban
// writes them (kind, seq, hash, at, purge), the purge object included
// with its own sig. `jq -cj 'del(.sig)'` of a line gives the same bytes.
func (c Checkpoint) SignedBytes() []byte {
	c.Sig = ""
	b, _ := json.Marshal(c)
	return b
}

// SignPurge returns p carrying its signature.
func (s *Signer) SignPurge(p Purge) Purge {
	if s == nil {
		return p
	}
	p.Sig = hex.EncodeToString(ed25519.Sign(s.key, p.SignedBytes()))
	return p
}

// SignCheckpoint returns c carrying its signature. A purge line's summary
// must already carry its own (SignPurge), since the line's covers it.
func (s *Signer) SignCheckpoint(c Checkpoint) Checkpoint {
	if s == nil {
		return c
	}
	c.Sig = hex.EncodeToString(ed25519.Sign(s.key, c.SignedBytes()))
	return c
}

// validSig says whether sig, hex-encoded, is pub's signature of msg.
func validSig(pub ed25519.PublicKey, msg []byte, sig string) bool {
	b, err := hex.DecodeString(sig)
	return err == nil && len(b) == ed25519.SignatureSize && ed25519.Verify(pub, msg, b)
}

// VerifySignatures checks that every checkpoint line, and every purge
// summary a line carries, is signed by pub. A line without a signature is
// a problem like a bad one: whoever can append to the file without the
// key could otherwise add unsigned lines. Each problem names the line.
func VerifySignatures(cps []Checkpoint, pub ed25519.PublicKey) []Problem {
	var out []Problem
	for _, c := range cps {
		switch {
		case c.Sig == "":
			out = append(out, Problem{c.Seq, fmt.Sprintf("检查点文件第 %d 行没有签名 (line %d is not signed)", c.Line, c.Line)})
		case !validSig(pub, c.SignedBytes(), c.Sig):
			out = append(out, Problem{c.Seq, fmt.Sprintf("检查点文件第 %d 行签名不符：该行被改动或伪造 (line %d: bad signature: edited or forged)", c.Line, c.Line)})
		}
		if c.Purge != nil && !validSig(pub, c.Purge.SignedBytes(), c.Purge.Sig) {
			out = append(out, Problem{c.Seq, fmt.Sprintf("检查点文件第 %d 行的清理摘要签名缺失或不符 (line %d: the purge summary's signature is missing or bad)", c.Line, c.Line)})
		}
	}
	return out
}

// VerifyPurgeSignatures checks that every purge summary entry still in
// the chain carries pub's signature of what it says was purged.
func VerifyPurgeSignatures(entries []Entry, pub ed25519.PublicKey) []Problem {
	var out []Problem
	for _, e := range entries {
		if p, ok := PurgeOf(e); ok && !validSig(pub, p.SignedBytes(), p.Sig) {
			out = append(out, Problem{e.Seq, "清理摘要记录的签名缺失或不符 (the purge summary entry's signature is missing or bad)"})
		}
	}
	return out
}
