package web

import (
	"encoding/base64"
	"encoding/json"
	"net/http"

	"github.com/duban/duban/internal/basepath"
	"github.com/duban/duban/internal/i18n"
)

// flashCookie carries a message across a redirect (post/redirect/get). It
// holds a catalogue key and its arguments, never text, so the message is
// rendered in the language of the page that shows it.
const flashCookie = "duban_flash"

type flashValue struct {
	Kind string   `json:"k"`
	Key  string   `json:"m"`
	Args []string `json:"a,omitempty"`
}

// flash queues a message for the next page. args are name/value pairs as
// for i18n.Lookup.
func flash(w http.ResponseWriter, r *http.Request, kind, key string, args ...string) {
	b, _ := json.Marshal([]flashValue{{Kind: kind, Key: key, Args: args}})
	http.SetCookie(w, &http.Cookie{
		Name:     flashCookie,
		Value:    base64.RawURLEncoding.EncodeToString(b),
		Path:     basepath.CookiePath(basepath.From(r.Context())),
		MaxAge:   60,
		HttpOnly: true,
		SameSite: http.SameSiteLaxMode,
	})
}

// takeFlashes reads and clears the pending messages. A cookie is the
// client's to edit, so only known catalogue keys and the three kinds are
// shown; anything else is dropped.
func takeFlashes(w http.ResponseWriter, r *http.Request, loc i18n.Localizer) []Flash {
	c, err := r.Cookie(flashCookie)
	if err != nil {
		return nil
	}
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Path: basepath.CookiePath(basepath.From(r.Context())), MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	b, err := base64.RawURLEncoding.DecodeString(c.Value)
	if err != nil {
		return nil
	}
	var vals []flashValue
	if json.Unmarshal(b, &vals) != nil {
		return nil
	}
	var out []Flash
	for _, v := range vals {
		if !i18n.Has(v.Key) || (v.Kind != "success" && v.Kind != "error" && v.Kind != "info") {
			continue
		}
		args := make([]any, len(v.Args))
		for i, a := range v.Args {
			args[i] = a
		}
		out = append(out, Flash{Kind: v.Kind, Text: loc.T(v.Key, args...)})
	}
	return out
}
