// bench_sync.go: Go's side of bench_sync.c, same cases, same output lines.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func report(name string, t0 time.Time, ops int) {
	fmt.Printf("bench %s %.1f ns/op\n", name, float64(time.Since(t0).Nanoseconds())/float64(ops))
}

func readersOnce(w, r sync.Locker, n int) time.Time {
	var wg sync.WaitGroup
	t0 := time.Now()
	wg.Add(n + 1)
	go func() { w.Lock(); w.Unlock(); wg.Done() }()
	for i := 0; i < n; i++ {
		go func() { r.Lock(); runtime.Gosched(); r.Unlock(); wg.Done() }()
	}
	wg.Wait()
	return t0
}

// An untimed round first, as in bench_sync.c.
func readers(kind string, w, r sync.Locker, n int) {
	readersOnce(w, r, n)
	t0 := readersOnce(w, r, n)
	report(fmt.Sprintf("%sReaders%d", kind, n), t0, n)
}

func main() {
	runtime.GOMAXPROCS(1) // the C runtime runs on one thread
	var mu sync.Mutex
	n := 10000000
	t0 := time.Now()
	for i := 0; i < n; i++ {
		mu.Lock()
		mu.Unlock()
	}
	report("MutexUncontended", t0, n)

	var wg sync.WaitGroup
	per, g := 100000, 8
	t0 = time.Now()
	for i := 0; i < g; i++ {
		wg.Add(1)
		go func() {
			for j := 0; j < per; j++ {
				mu.Lock()
				runtime.Gosched()
				mu.Unlock()
			}
			wg.Done()
		}()
	}
	wg.Wait()
	report("MutexContended8", t0, per*g)

	for n := 1; n <= 65536; n *= 16 {
		var rw sync.RWMutex
		var m sync.Mutex
		readers("RWMutex", &rw, rw.RLocker(), n)
		readers("Mutex", &m, &m, n)
	}

	t0 = time.Now()
	n = 100000
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() { wg.Done() }()
	}
	wg.Wait()
	report("WaitGroupFanOut100k", t0, n)
}
