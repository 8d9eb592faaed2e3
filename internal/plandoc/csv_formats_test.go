package plandoc

import (
	"bytes"
	"os"
	"testing"
)

// The annex of seed 003 saved as comma-separated values (see
// scripts/make-format-fixtures.sh) gives the same tasks as the same table
// in an .xlsx workbook and as the annex of the text: in UTF-8 with a BOM,
// in UTF-8 without one, and in GBK.
func TestCSVAgreesWithXlsx(t *testing.T) {
	utf8Text, err := os.ReadFile(formatSeed)
	if err != nil {
		t.Fatal(err)
	}
	annex, rows := annexOf(parseBytes(t, "plan.txt", utf8Text))
	fromXlsx := parseBytes(t, "annex.xlsx", annexWorkbook(t, rows))
	want := taskKeys(annex, true)
	if len(want) < 30 {
		t.Fatalf("the text's annex gave only %d tasks", len(want))
	}
	compareKeys(t, taskKeys(fromXlsx, false), want)

	withBOM, err := os.ReadFile("testdata/formats/003_annex.csv")
	if err != nil {
		t.Fatal(err)
	}
	gbk, err := os.ReadFile("testdata/formats/003_annex_gbk.csv")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"utf-8 with BOM": withBOM,
		"utf-8":          bytes.TrimPrefix(withBOM, []byte("\xEF\xBB\xBF")),
		"gbk":            gbk,
	} {
		t.Run(name, func(t *testing.T) {
			got := parseBytes(t, "annex.csv", data)
			compareKeys(t, taskKeys(got, false), taskKeys(fromXlsx, false))
		})
	}
	t.Run("without a .csv name", func(t *testing.T) {
		got := parseBytes(t, "annex.txt", gbk)
		compareKeys(t, taskKeys(got, false), want)
	})
}
