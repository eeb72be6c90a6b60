//! Text files decoded to UTF-8 as they are read, a buffer at a time, so a large CSV is never
//! held whole: strict UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK. Bytes
//! that are not valid in the chosen encoding end the read with `ErrorKind::InvalidData`
//! (the caller then tries GB18030, or refuses the file).

use std::io::{self, Read};

use encoding_rs::{Decoder, DecoderResult, GB18030, UTF_16LE, UTF_8};

/// How a text file is decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8; `bom` when the file starts with EF BB BF (skipped).
    Utf8 {
        bom: bool,
    },
    /// UTF-16 with its BOM (little or big endian, told by the BOM).
    Utf16,
    Gb18030,
}

impl Encoding {
    fn decoder(self) -> Decoder {
        match self {
            // The BOM is skipped by the reader (`skip`), so no sniffing here.
            Encoding::Utf8 { .. } => UTF_8.new_decoder_without_bom_handling(),
            // Sniffs and drops FF FE / FE FF.
            Encoding::Utf16 => UTF_16LE.new_decoder(),
            Encoding::Gb18030 => GB18030.new_decoder_without_bom_handling(),
        }
    }

    /// Bytes at the start of the file that are not text.
    pub fn skip(self) -> usize {
        match self {
            Encoding::Utf8 { bom: true } => 3,
            _ => 0,
        }
    }
}

/// Buffer sizes: input read at once, and decoded output.
const IN: usize = 256 * 1024;
const OUT: usize = 256 * 1024;

/// A reader of UTF-8 over a reader of bytes in `Encoding`.
pub struct Decode<R> {
    inner: R,
    decoder: Decoder,
    input: Vec<u8>,
    in_pos: usize,
    in_len: usize,
    eof: bool,
    done: bool,
    output: Vec<u8>,
    out_pos: usize,
    out_len: usize,
}

impl<R: Read> Decode<R> {
    /// `inner` must be positioned after `encoding.skip()` bytes.
    pub fn new(inner: R, encoding: Encoding) -> Decode<R> {
        Decode {
            inner,
            decoder: encoding.decoder(),
            input: vec![0; IN],
            in_pos: 0,
            in_len: 0,
            eof: false,
            done: false,
            output: vec![0; OUT],
            out_pos: 0,
            out_len: 0,
        }
    }
}

/// The error a malformed byte sequence gives.
pub fn malformed() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, "malformed text")
}

impl<R: Read> Read for Decode<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.out_pos < self.out_len {
                let n = buf.len().min(self.out_len - self.out_pos);
                buf[..n].copy_from_slice(&self.output[self.out_pos..self.out_pos + n]);
                self.out_pos += n;
                return Ok(n);
            }
            if self.done {
                return Ok(0);
            }
            if self.in_pos == self.in_len && !self.eof {
                let n = self.inner.read(&mut self.input)?;
                self.eof = n == 0;
                self.in_pos = 0;
                self.in_len = n;
            }
            let (result, read, written) = self.decoder.decode_to_utf8_without_replacement(
                &self.input[self.in_pos..self.in_len],
                &mut self.output,
                self.eof,
            );
            self.in_pos += read;
            self.out_pos = 0;
            self.out_len = written;
            match result {
                DecoderResult::Malformed(..) => return Err(malformed()),
                DecoderResult::InputEmpty if self.eof => self.done = true,
                DecoderResult::InputEmpty | DecoderResult::OutputFull => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(bytes: &[u8], e: Encoding) -> io::Result<String> {
        let mut out = String::new();
        Decode::new(&bytes[e.skip()..], e).read_to_string(&mut out)?;
        Ok(out)
    }

    #[test]
    fn gbk_is_decoded_across_buffer_boundaries() {
        let text = "户编号,家庭人口\n".repeat(40_000);
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        assert_eq!(all(&gbk, Encoding::Gb18030).unwrap(), text);
    }

    #[test]
    fn invalid_utf8_is_an_invalid_data_error() {
        let (gbk, _, _) = encoding_rs::GBK.encode("户编号");
        let err = all(&gbk, Encoding::Utf8 { bom: false }).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
    }

    #[test]
    fn utf16_with_bom_and_utf8_with_bom_read_as_text() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("户,3".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(all(&le, Encoding::Utf16).unwrap(), "户,3");
        assert_eq!(
            all("\u{feff}户,3".as_bytes(), Encoding::Utf8 { bom: true }).unwrap(),
            "户,3"
        );
    }
}
