package units

import (
	"bytes"
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// SortByPinyin orders items by name the way a Chinese reader looks a name
// up in a list: by the pinyin of its characters (CLDR's Chinese
// collation), where a sort by code point scatters 市安监局, 市财政局 and
// 市发改委 in no order a person recognises. Equal names keep their order.
func SortByPinyin[T any](items []T, name func(T) string) {
	// A collator keeps working buffers, so each call makes its own; the
	// keys are computed once per item rather than once per comparison.
	c := collate.New(language.Chinese)
	var buf collate.Buffer
	type keyed struct {
		key  []byte
		item T
	}
	ks := make([]keyed, len(items))
	for i, it := range items {
		ks[i] = keyed{key: c.KeyFromString(&buf, name(it)), item: it}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return bytes.Compare(a.key, b.key) })
	for i := range ks {
		items[i] = ks[i].item
	}
}
