package citizen

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"path"
	"strings"
	"time"

	"github.com/kanal-dk/kanal/internal/casework"
	"github.com/kanal-dk/kanal/internal/store"
)

// uploads keeps the attachments of forms not yet sent (citizen_uploads),
// by the hash of the form's flow token.
type uploads struct {
	db  *store.DB
	now func() time.Time
}

// replace keeps the files sent for a field in place of those kept before,
// and removes what forms left behind longer ago than a session lasts.
func (u *uploads) replace(ctx context.Context, m, flow, field string, files []*multipart.FileHeader) error {
	type file struct {
		name, typ string
		data      []byte
	}
	var read []file
	for _, h := range files {
		f, err := h.Open()
		if err != nil {
			return fmt.Errorf("open attachment: %w", err)
		}
		data, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("read attachment: %w", err)
		}
		read = append(read, file{path.Base(strings.ReplaceAll(h.Filename, "\\", "/")), contentType(h.Filename), data})
	}
	now := u.now().UTC()
	hash := tokenHash(flow)
	return u.db.InTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM citizen_uploads WHERE created_at < $1`, now.Add(-SessionMax)); err != nil {
			return fmt.Errorf("remove old attachments: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM citizen_uploads WHERE flow_hash = $1 AND field = $2`, hash, field); err != nil {
			return fmt.Errorf("replace attachments: %w", err)
		}
		for _, f := range read {
			if _, err := tx.ExecContext(ctx, `INSERT INTO citizen_uploads
				(flow_hash, municipality_id, field, filename, content_type, data, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
				hash, m, field, f.name, f.typ, f.data, now); err != nil {
				return fmt.Errorf("keep attachment: %w", err)
			}
		}
		return nil
	})
}

// contentType is the type a file name's ending names.
func contentType(name string) string {
	if t := mime.TypeByExtension(strings.ToLower(path.Ext(name))); t != "" {
		return t
	}
	return "application/octet-stream"
}

// count is how many files are kept for a field.
func (u *uploads) count(ctx context.Context, flow, field string) (int, error) {
	var n int
	err := u.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM citizen_uploads WHERE flow_hash = $1 AND field = $2`,
		tokenHash(flow), field).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count attachments: %w", err)
	}
	return n, nil
}

// names are the names of the files kept, by field.
func (u *uploads) names(ctx context.Context, flow string) (map[string][]string, error) {
	rows, err := u.db.QueryContext(ctx, `SELECT field, filename FROM citizen_uploads WHERE flow_hash = $1 ORDER BY id`, tokenHash(flow))
	if err != nil {
		return nil, fmt.Errorf("list attachments: %w", err)
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var field, name string
		if err := rows.Scan(&field, &name); err != nil {
			return nil, err
		}
		out[field] = append(out[field], name)
	}
	return out, rows.Err()
}

// load returns the files kept for a form.
func (u *uploads) load(ctx context.Context, flow string) ([]casework.Attachment, error) {
	rows, err := u.db.QueryContext(ctx, `SELECT field, filename, content_type, data FROM citizen_uploads
		WHERE flow_hash = $1 ORDER BY id`, tokenHash(flow))
	if err != nil {
		return nil, fmt.Errorf("load attachments: %w", err)
	}
	defer rows.Close()
	var out []casework.Attachment
	for rows.Next() {
		var a casework.Attachment
		if err := rows.Scan(&a.Field, &a.Filename, &a.ContentType, &a.Data); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// remove forgets the files of a form once it is sent.
func (u *uploads) remove(ctx context.Context, flow string) error {
	if _, err := u.db.ExecContext(ctx, `DELETE FROM citizen_uploads WHERE flow_hash = $1`, tokenHash(flow)); err != nil {
		return fmt.Errorf("remove attachments: %w", err)
	}
	return nil
}

// receiptFor is how long the receipt of a form sent without signing in
// can be opened with the token of the redirect after sending.
const receiptFor = time.Hour

// receiptParam is the query parameter that carries the token.
const receiptParam = "kvittering"

// receipts are the permissions to see a receipt without signing in
// (citizen_receipts).
type receipts struct {
	db  *store.DB
	now func() time.Time
}

// grant returns a token that opens the receipt of a case for a while.
func (rc *receipts) grant(ctx context.Context, m, reference string) (string, error) {
	token := randomToken()
	now := rc.now().UTC()
	if _, err := rc.db.ExecContext(ctx, `DELETE FROM citizen_receipts WHERE expires_at < $1`, now); err != nil {
		return "", fmt.Errorf("remove old receipt tokens: %w", err)
	}
	if _, err := rc.db.ExecContext(ctx, `INSERT INTO citizen_receipts (token_hash, municipality_id, reference, expires_at)
		VALUES ($1, $2, $3, $4)`, tokenHash(token), m, reference, now.Add(receiptFor)); err != nil {
		return "", fmt.Errorf("grant receipt: %w", err)
	}
	return token, nil
}

// allows reports whether a token opens the receipt of the municipality's
// case.
func (rc *receipts) allows(ctx context.Context, m, reference, token string) (bool, error) {
	if token == "" {
		return false, nil
	}
	var ref string
	var expires time.Time
	err := rc.db.QueryRowContext(ctx, `SELECT reference, expires_at FROM citizen_receipts
		WHERE token_hash = $1 AND municipality_id = $2`, tokenHash(token), m).Scan(&ref, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read receipt token: %w", err)
	}
	return ref == reference && rc.now().Before(expires), nil
}
