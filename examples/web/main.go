// Command web serves pcnfin as a local web page and JSON API (see package
// internal/webui): a scenario in, each year's entitlements, claims,
// headroom and charts out.
//
//	go run ./examples/web                 # then open http://127.0.0.1:8080/
//	go run ./examples/web -addr :9000     # another address (binds to loopback unless told otherwise)
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/examples/national/sample"
	"github.com/pcnfin/pcnfin/examples/reconcile/example"
	"github.com/pcnfin/pcnfin/internal/webui"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()
	srv := &http.Server{
		Addr: *addr,
		Handler: webui.Handler(webui.Config{Example: cli.DefaultScenario, PaidExample: webui.PaidExample{
			Name: "Brookside PCN, " + example.Year, Scenario: example.Scenario, Paid: example.Paid, Year: example.Year},
			ICBSample: webui.ICBSample{List: sample.List, Staff: sample.Staff}}),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
	}()
	fmt.Printf("pcnfin: open http://%s/ (Ctrl-C to stop)\n", *addr)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(os.Stderr, "web:", err)
		os.Exit(1)
	}
}
