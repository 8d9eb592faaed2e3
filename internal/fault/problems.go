package fault

// Problems gathers what is wrong with an input, field by field, into one
// refusal: a catalogue key at each field (the first problem of a field
// stands) and the keys' placeholders.
type Problems struct{ e *Error }

// At records key at field, with its placeholders as name/value pairs.
func (p *Problems) At(field, key string, args ...any) {
	if p.e == nil {
		p.e = &Error{Code: Invalid, Fields: map[string]string{}}
	}
	if _, seen := p.e.Fields[field]; seen {
		return
	}
	p.e.Fields[field] = key
	for i := 0; i+1 < len(args); i += 2 {
		if p.e.Args == nil {
			p.e.Args = map[string]any{}
		}
		p.e.Args[args[i].(string)] = args[i+1]
	}
}

// Err is the refusal, or nil when nothing was wrong.
func (p *Problems) Err() error {
	if p.e == nil {
		return nil
	}
	return p.e
}

// InvalidAt is one problem at field, with its placeholders.
func InvalidAt(field, key string, args ...any) error {
	var p Problems
	p.At(field, key, args...)
	return p.Err()
}

// Label names field for people (see Label), when the field has a problem.
func (p *Problems) Label(field string, l Label) {
	if p.e == nil {
		return
	}
	if _, bad := p.e.Fields[field]; !bad {
		return
	}
	if p.e.Labels == nil {
		p.e.Labels = map[string]Label{}
	}
	if _, seen := p.e.Labels[field]; !seen {
		p.e.Labels[field] = l
	}
}
