import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readImage } from "./image";

// made by Chromium's own encoders (test/fixtures/photos/make.ts), so the reader is checked against real files
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../test/fixtures/photos/${name}`, import.meta.url)));

describe("readImage", () => {
  it("reads type and size of real JPEG, WebP and PNG files", () => {
    expect(readImage(fixture("leeks-1200x900.jpg"))).toEqual({ type: "image/jpeg", width: 1200, height: 900 });
    expect(readImage(fixture("leeks-2400x1800.jpg"))).toEqual({ type: "image/jpeg", width: 2400, height: 1800 });
    expect(readImage(fixture("leeks-600x800.webp"))).toEqual({ type: "image/webp", width: 600, height: 800 });
    expect(readImage(fixture("leeks-320x200.png"))).toEqual({ type: "image/png", width: 320, height: 200 });
  });

  it("reads lossless and extended WebP headers", () => {
    const riff = (chunk: string, body: number[]) =>
      new Uint8Array([...Buffer.from("RIFF"), 0, 0, 0, 0, ...Buffer.from("WEBP"), ...Buffer.from(chunk), 0, 0, 0, 0, ...body, ...new Array(16).fill(0)]);
    // VP8L: signature 0x2f, then 14 bits width-1 and 14 bits height-1
    const bits = (1599 | (899 << 14)) >>> 0;
    expect(readImage(riff("VP8L", [0x2f, bits & 255, (bits >> 8) & 255, (bits >> 16) & 255, (bits >>> 24) & 255]))).toEqual({ type: "image/webp", width: 1600, height: 900 });
    // VP8X: flags and reserved (4 bytes), then 24-bit width-1 and height-1
    expect(readImage(riff("VP8X", [0, 0, 0, 0, 0x3f, 0x06, 0, 0xff, 0x03, 0]))).toEqual({ type: "image/webp", width: 1600, height: 1024 });
  });

  it("refuses what is not one of them, or is cut short", () => {
    expect(readImage(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeUndefined();
    expect(readImage(new TextEncoder().encode("GIF89a\u0001\u0000\u0001\u0000"))).toBeUndefined();
    expect(readImage(new Uint8Array())).toBeUndefined();
    expect(readImage(fixture("leeks-1200x900.jpg").subarray(0, 40))).toBeUndefined();
    expect(readImage(fixture("leeks-320x200.png").subarray(0, 20))).toBeUndefined();
    // a PDF renamed .jpg
    expect(readImage(new TextEncoder().encode("%PDF-1.7\n%âãÏÓ"))).toBeUndefined();
  });
});
