package signin

import (
	"crypto/rand"
	"fmt"

	"github.com/duban/duban/internal/auth"
)

// OneTimePassword makes a random password that meets p's rules for
// username's account: one of each character class, then twelve random
// letters and digits (about 70 bits). It is shown once, to be handed
// over, and the account must change it at first use.
func OneTimePassword(p auth.Policy, username string) (string, error) {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"
	for {
		b := make([]byte, 12)
		if _, err := rand.Read(b); err != nil {
			return "", fmt.Errorf("signin: one-time password: %w", err)
		}
		pw := []byte("Aa7#")
		for _, x := range b {
			pw = append(pw, alphabet[int(x)%len(alphabet)])
		}
		if p.CheckRules(username, string(pw)) == "" {
			return string(pw), nil
		}
	}
}
