// bench_select.go: Go twin of bench_select.c (run with GOMAXPROCS=1).
package main

import (
	"fmt"
	"time"
)

func main() {
	const N, M = 2000000, 500000
	a, b := make(chan int, 1), make(chan int, 1)
	best := 1e300
	v := 0
	for round := 0; round < 3; round++ {
		t0 := time.Now()
		for i := 0; i < N; i += 2 {
			select {
			case a <- i:
			case v = <-b:
			}
			select {
			case v = <-a:
			case b <- i:
			}
		}
		t := float64(time.Since(t0).Nanoseconds()) / N
		if t < best {
			best = t
		}
	}
	_ = v
	fmt.Printf("bench select %.1f ns/select\n", best)

	ping, back := make(chan int), make(chan int)
	quit, never := make(chan int), make(chan int)
	go func() {
		for {
			select {
			case x := <-ping:
				back <- x
			case <-quit:
				return
			}
		}
	}()
	best = 1e300
	for round := 0; round < 3; round++ {
		t0 := time.Now()
		for i := 0; i < M; i++ {
			ping <- i
			select {
			case v = <-back:
			case <-never:
			}
		}
		t := float64(time.Since(t0).Nanoseconds()) / M
		if t < best {
			best = t
		}
	}
	close(quit)
	fmt.Printf("bench select_pingpong %.1f ns/roundtrip\n", best)
}
