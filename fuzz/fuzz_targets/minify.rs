#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| lentera_fuzz::minify(data));
