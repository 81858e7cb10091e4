//! Tests of `leaflets`.

use super::*;

#[test]
fn own_threads_return_every_result_in_order() {
    let out = render_on_own_threads(100, |i| {
        // Deep enough recursion to need more than a default 2 MiB stack.
        fn depth(n: usize) -> usize {
            let pad = std::hint::black_box([0u8; 4096]);
            if n == 0 {
                pad[0] as usize
            } else {
                depth(n - 1) + 1
            }
        }
        (
            i,
            depth(if i == 0 { 2000 } else { 10 }),
            std::thread::current().name().map(str::to_owned),
        )
    });
    assert_eq!(out.len(), 100);
    for (k, (i, d, name)) in out.into_iter().enumerate() {
        assert_eq!(i, k);
        assert_eq!(d, if k == 0 { 2000 } else { 10 });
        assert!(name.unwrap_or_default().starts_with("leaflet-"));
    }
    assert!(render_on_own_threads(0, |i| i).is_empty());
}
