package webui

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

// staticFile is one file of static/, read once, with its content hash.
type staticFile struct {
	body  []byte
	ctype string
	hash  string // the first 16 hex digits of the SHA-256 of body
}

// statics are the files of static/ by name (no folders: /static/ lists
// nothing and a name not here is 404).
var statics = func() map[string]staticFile {
	out := map[string]staticFile{}
	entries, err := fs.ReadDir(staticRoot, "static")
	if err != nil {
		panic(err) // the embedded folder is there at build time
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := fs.ReadFile(staticRoot, "static/"+e.Name())
		if err != nil {
			panic(err)
		}
		sum := sha256.Sum256(b)
		ct := mime.TypeByExtension(path.Ext(e.Name()))
		if ct == "" {
			ct = "application/octet-stream"
		}
		out[e.Name()] = staticFile{body: b, ctype: ct, hash: hex.EncodeToString(sum[:8])}
	}
	return out
}()

// staticURL is a static file's address with its content hash (?v=…), so
// that a page names the exact version it was written with and the browser
// may keep it for a year.
func staticURL(name string) string {
	f, ok := statics[name]
	if !ok {
		return "/static/" + name
	}
	return "/static/" + name + "?v=" + f.hash
}

// serveStatic serves one static file with a strong ETag (its content hash):
// If-None-Match gives 304. Asked with the current ?v= it may be kept for a
// year (immutable); otherwise the browser checks again each time.
func serveStatic(w http.ResponseWriter, r *http.Request) {
	f, ok := statics[r.PathValue("name")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	etag := `"` + f.hash + `"`
	h := w.Header()
	h.Set("ETag", etag)
	if r.URL.Query().Get("v") == f.hash {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	for _, t := range strings.Split(r.Header.Get("If-None-Match"), ",") {
		if t = strings.TrimSpace(t); t == etag || t == "W/"+etag || t == "*" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	h.Set("Content-Type", f.ctype)
	_, _ = w.Write(f.body)
}
