package docread

import (
	"errors"
	"strings"
)

// loadNumbering reads word/numbering.xml and the numbering found in
// word/styles.xml. A document without numbering.xml has no automatic
// numbers, and numbering is nil.
func loadNumbering(p *pkg) (*numbering, error) {
	if !p.has("word/numbering.xml") {
		return nil, nil
	}
	n := &numbering{
		abstracts: map[string]*abstractNum{},
		nums:      map[string]*numInst{},
		styles:    map[string]*styleNum{},
		lists:     map[string]*listState{},
	}
	if err := n.parseNumbering(p); err != nil {
		return nil, err
	}
	if err := n.parseStyles(p); err != nil && !errors.Is(err, errMissingPart) {
		return nil, err
	}
	return n, nil
}

// parseNumbering streams numbering.xml into list definitions and
// instances. Elements are matched by their parent, so the w:pPr and
// w:rPr inside a level cannot be mistaken for level properties.
func (n *numbering) parseNumbering(p *pkg) error {
	rc, err := p.open("word/numbering.xml", maxAuxPartSize)
	if err != nil {
		return err
	}
	defer rc.Close()
	var (
		stack    []string
		abs      *abstractNum
		inst     *numInst
		ovr      *override
		lvl      *lvlDef
		fallback int // depth of an open mc:Fallback, 0 when none
	)
	return walkXML(rc, "word/numbering.xml", func(t tok) error {
		if t.end {
			stack = stack[:len(stack)-1]
			switch t.name {
			case "abstractNum":
				abs = nil
			case "num":
				inst = nil
			case "lvlOverride":
				ovr = nil
			case "lvl":
				lvl = nil
			}
			if fallback > len(stack) {
				fallback = 0
			}
			return nil
		}
		if !t.start {
			return nil
		}
		parent := ""
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		stack = append(stack, t.name)
		val := t.attr("val")
		switch {
		case t.name == "Fallback":
			fallback = len(stack)
		case t.name == "abstractNum" && parent == "numbering":
			abs = &abstractNum{}
			n.abstracts[t.attr("abstractNumId")] = abs
		case t.name == "num" && parent == "numbering":
			inst = &numInst{overrides: map[int]*override{}}
			n.nums[t.attr("numId")] = inst
		case t.name == "abstractNumId" && parent == "num" && inst != nil:
			inst.abstractID = val
		case t.name == "numStyleLink" && parent == "abstractNum" && abs != nil:
			abs.numStyleLink = val
		case t.name == "lvlOverride" && parent == "num" && inst != nil:
			if i, ok := atoi(t.attr("ilvl")); ok && i >= 0 && i < 9 {
				ovr = &override{}
				inst.overrides[i] = ovr
			}
		case t.name == "startOverride" && parent == "lvlOverride" && ovr != nil:
			ovr.start, ovr.hasStart = atoi(val)
		case t.name == "lvl" && parent == "abstractNum" && abs != nil:
			if i, ok := atoi(t.attr("ilvl")); ok && i >= 0 && i < 9 {
				lvl = newLvl()
				abs.lvls[i] = lvl
			}
		case t.name == "lvl" && parent == "lvlOverride" && ovr != nil:
			lvl = newLvl()
			ovr.lvl = lvl
		case lvl != nil && (parent == "lvl" || parent == "Choice" || parent == "Fallback"):
			lvl.set(t, fallback > 0)
		}
		return nil
	})
}

// set applies one property element inside a w:lvl (or inside an
// mc:AlternateContent there: Word 2010 writes custom formats such as
// "001, 002" as an mc:Choice with a plain mc:Fallback).
func (l *lvlDef) set(t tok, inFallback bool) {
	val := t.attr("val")
	switch t.name {
	case "start":
		if v, ok := atoi(val); ok {
			l.start = v
		}
	case "numFmt":
		if val == "custom" {
			if f := customFormat(t.attr("format")); f != "" {
				l.format, l.fmtSet = f, true
			}
			return
		}
		if !(inFallback && l.fmtSet) {
			l.format = val
		}
	case "lvlText":
		l.text = val
	case "suff":
		l.suff = val
	case "isLgl":
		l.isLgl = val == "" || val == "1" || val == "true" || val == "on"
	case "lvlRestart":
		if v, ok := atoi(val); ok {
			l.restart = v
		}
	case "pStyle":
		l.pStyle = val
	}
}

// customFormat understands the zero-padded decimal formats ("01, 02, 03,
// ...") Word 2010 stores as custom; other custom formats fall back.
func customFormat(example string) string {
	first, _, _ := strings.Cut(example, ",")
	first = strings.TrimSpace(first)
	if len(first) > 1 && strings.Trim(first, "0") == "1" && strings.HasSuffix(first, "1") {
		return "zeroPad" + itoa(len(first))
	}
	return ""
}

// parseStyles reads from styles.xml the numbering each paragraph or
// numbering style gives, its parent, and the default paragraph style.
func (n *numbering) parseStyles(p *pkg) error {
	rc, err := p.open("word/styles.xml", maxAuxPartSize)
	if err != nil {
		return err
	}
	defer rc.Close()
	var (
		stack []string
		cur   *styleNum
	)
	return walkXML(rc, "word/styles.xml", func(t tok) error {
		if t.end {
			stack = stack[:len(stack)-1]
			if t.name == "style" {
				cur = nil
			}
			return nil
		}
		if !t.start {
			return nil
		}
		path := strings.Join(stack[max(0, len(stack)-3):], "/")
		stack = append(stack, t.name)
		switch {
		case t.name == "style" && path == "styles":
			typ := t.attr("type")
			if typ != "paragraph" && typ != "numbering" && typ != "" {
				return nil
			}
			id := t.attr("styleId")
			cur = &styleNum{}
			n.styles[id] = cur
			if d := t.attr("default"); typ == "paragraph" && (d == "1" || d == "true" || d == "on") {
				n.defaultStyle = id
			}
		case cur == nil:
		case t.name == "basedOn" && strings.HasSuffix(path, "style"):
			cur.basedOn = t.attr("val")
		case t.name == "numId" && strings.HasSuffix(path, "style/pPr/numPr"):
			cur.numID, cur.hasNumPr = t.attr("val"), true
		case t.name == "ilvl" && strings.HasSuffix(path, "style/pPr/numPr"):
			cur.ilvl, cur.hasIlvl = atoi(t.attr("val"))
		}
		return nil
	})
}
