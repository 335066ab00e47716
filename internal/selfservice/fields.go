package selfservice

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

var (
	idShape     = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	kleShape    = regexp.MustCompile(`^\d\d\.\d\d\.\d\d$`)
	acceptShape = regexp.MustCompile(`^[a-z0-9]{1,10}$`)
)

// prefillKinds are the kinds of field each registry value may fill in.
var prefillKinds = map[string][]string{
	PrefillName:    {KindText},
	PrefillAddress: {KindText, KindTextarea},
	PrefillCPR:     {KindCPR},
}

// field reads one field, checking it against its kind and the form.
func (r *reader) field(n *yaml.Node, f *Form, seen map[string]*yaml.Node) (Field, bool) {
	m := r.mapping(n, fieldKeys)
	if m == nil {
		return Field{}, false
	}
	fd := Field{
		ID:       r.unique(r.id(m, n), m["id"], seen, "selfservice.form.duplicate_field"),
		Kind:     r.required(m, "kind", n),
		Label:    r.required(m, "label", n),
		LabelEN:  r.text(m["label_en"]),
		Help:     r.text(m["help"]),
		HelpEN:   r.text(m["help_en"]),
		Required: r.boolean(m["required"], "required"),
		Prefill:  r.text(m["prefill"]),
		Min:      r.text(m["min"]),
		Max:      r.text(m["max"]),
	}
	if fd.Kind != "" && !slices.Contains(Kinds, fd.Kind) {
		r.add(m["kind"], "selfservice.form.unknown_kind", fd.Kind, strings.Join(Kinds, ", "))
		return fd, true // the rest depends on the kind
	}
	r.prefill(m, &fd, f)
	r.options(m, &fd)
	r.length(m, &fd)
	r.bounds(m, &fd)
	r.files(m, &fd)
	return fd, true
}

func (r *reader) prefill(m map[string]*yaml.Node, fd *Field, f *Form) {
	if fd.Prefill == "" {
		return
	}
	kinds, known := prefillKinds[fd.Prefill]
	switch {
	case !known:
		r.add(m["prefill"], "selfservice.form.unknown_prefill", fd.Prefill)
	case fd.Kind != "" && !slices.Contains(kinds, fd.Kind):
		r.add(m["prefill"], "selfservice.form.prefill_kind", fd.Prefill, fd.Kind, strings.Join(kinds, ", "))
	case f.Login != LoginRequired:
		r.add(m["prefill"], "selfservice.form.prefill_login")
	}
}

func (r *reader) options(m map[string]*yaml.Node, fd *Field) {
	choice := fd.Kind == KindSelect || fd.Kind == KindRadio
	if !choice {
		if m["options"] != nil {
			r.add(m["options"], "selfservice.form.only_for", "options", "select, radio")
		}
		return
	}
	seen := map[string]*yaml.Node{}
	for _, n := range r.list(m["options"]) {
		om := r.mapping(n, optionKeys)
		if om == nil {
			continue
		}
		o := Option{
			Value:   r.required(om, "value", n),
			Label:   r.required(om, "label", n),
			LabelEN: r.text(om["label_en"]),
		}
		r.unique(o.Value, om["value"], seen, "selfservice.form.duplicate_option")
		fd.Options = append(fd.Options, o)
	}
	if len(fd.Options) < 2 && (m["options"] == nil || m["options"].Kind == yaml.SequenceNode || m["options"].ShortTag() == "!!null") {
		r.add(orNode(m["options"], m["kind"]), "selfservice.form.needs_options", fd.Kind)
	}
}

func (r *reader) length(m map[string]*yaml.Node, fd *Field) {
	n := m["max_length"]
	if n == nil {
		return
	}
	if fd.Kind != KindText && fd.Kind != KindTextarea && fd.Kind != KindEmail {
		r.add(n, "selfservice.form.only_for", "max_length", "text, textarea, email")
		return
	}
	if v, ok := r.integer(n, "max_length"); ok {
		if v < 1 || v > maxLengthCap {
			r.add(n, "selfservice.form.out_of_range", "max_length", 1, maxLengthCap, v)
			return
		}
		fd.MaxLength = int(v)
	}
}

func (r *reader) bounds(m map[string]*yaml.Node, fd *Field) {
	if fd.Min == "" && fd.Max == "" {
		return
	}
	switch fd.Kind {
	case KindDate:
		lo, okLo := r.dateBound(m["min"], fd.Min)
		hi, okHi := r.dateBound(m["max"], fd.Max)
		if okLo && okHi && lo.relative == hi.relative && lo.after(hi) {
			r.add(m["min"], "selfservice.form.bounds_order", fd.Min, fd.Max)
		}
	case KindNumber:
		lo, okLo := r.numberBound(m["min"], fd.Min)
		hi, okHi := r.numberBound(m["max"], fd.Max)
		if okLo && okHi && lo > hi {
			r.add(m["min"], "selfservice.form.bounds_order", fd.Min, fd.Max)
		}
	default:
		r.add(orNode(m["min"], m["max"]), "selfservice.form.only_for", "min, max", "date, number")
	}
}

func (r *reader) dateBound(n *yaml.Node, s string) (dateBound, bool) {
	if s == "" {
		return dateBound{}, false
	}
	b, ok := parseDateBound(s)
	if !ok {
		r.add(n, "selfservice.form.bad_date_bound", s)
	}
	return b, ok
}

func (r *reader) numberBound(n *yaml.Node, s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		r.add(n, "selfservice.form.bad_number_bound", s)
		return 0, false
	}
	return v, true
}

// files reads accept, max_bytes and max_files: all three on a file field,
// none on any other.
func (r *reader) files(m map[string]*yaml.Node, fd *Field) {
	keys := []string{"accept", "max_bytes", "max_files"}
	if fd.Kind != KindFile {
		for _, k := range keys {
			if m[k] != nil {
				r.add(m[k], "selfservice.form.only_for", k, "file")
			}
		}
		return
	}
	for _, k := range keys {
		if m[k] == nil {
			r.add(m["kind"], "selfservice.form.file_needs", k)
		}
	}
	for _, n := range r.list(m["accept"]) {
		ext := strings.ToLower(strings.TrimPrefix(r.text(n), "."))
		if !acceptShape.MatchString(ext) {
			r.add(n, "selfservice.form.bad_accept", n.Value)
			continue
		}
		fd.Accept = append(fd.Accept, ext)
	}
	if n := m["accept"]; n != nil && n.Kind == yaml.SequenceNode && len(n.Content) == 0 {
		r.add(n, "selfservice.form.file_needs", "accept")
	}
	if v, ok := r.integer(m["max_bytes"], "max_bytes"); ok {
		if v < 1 || v > MaxFileBytes {
			r.add(m["max_bytes"], "selfservice.form.out_of_range", "max_bytes", 1, MaxFileBytes, v)
		}
		fd.MaxBytes = v
	}
	if v, ok := r.integer(m["max_files"], "max_files"); ok {
		if v < 1 || v > MaxFilesCap {
			r.add(m["max_files"], "selfservice.form.out_of_range", "max_files", 1, MaxFilesCap, v)
		}
		fd.MaxFiles = int(v)
	}
}
