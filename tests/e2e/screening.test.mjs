// <bangfu-screening> in a real browser (issue 17): a generated workbook (title row, merged
// two-level header, formulas, date cells) and a GBK CSV with planted errors are chosen or
// dropped, the column mapping is confirmed (and remembered), the flagged households, counts
// and chart appear, and the exports match `bangfu screen` on the same file row for row.
// Fixtures: tests/fixtures/screening (cargo run -p bangfu-sheet --example screening_fixtures).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { launch, open, shot, ARTIFACTS } from "./helpers.mjs";
import { FIX, cli } from "./screening-data.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const w = (page) => page.locator("bangfu-screening");
const expected = readFileSync(FIX + "households-expected.tsv", "utf8").trim().split("\n")
  .map((l) => l.split("\t")).map(([id, code]) => ({ id, code: code || "" }));

async function download(page, button) {
  const [dl] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

async function checkFlagged(d) {
  await d.locator("[data-testid=results]").waitFor({ timeout: 30000 });
  assert.equal(await d.locator("[data-testid=totals]").textContent(), "核查 15 户，有疑点 12 户。");
  assert.equal(await d.locator("[data-testid=flagged-row]").count(), 12);
  for (const { id, code } of expected) {
    const row = d.locator(`[data-testid=flagged-row][data-id="${id}"]`);
    if (!code) {
      assert.equal(await row.count(), 0, `${id} is clean`);
    } else {
      assert.equal(await row.locator(".chip").count(), 1, id);
      assert.equal(await row.locator(".chip").getAttribute("data-flag"), code, id);
    }
  }
  // One household per flag in the counts, and every village with a flag in the chart.
  assert.equal(await d.locator("[data-testid=flag-counts] tr").count(), 12);
  assert.equal(await d.locator("[data-testid=flag-counts] tr[data-flag=per_capita_mismatch] td").textContent(), "1");
  assert.equal(await d.locator("[data-testid=village-counts] tr").count(), 5); // 兴盛村 is clean
  assert.equal(await d.locator("[data-testid=chart] .chart-row").count(), 5);
}

test("a workbook with a title row and a merged two-level header is mapped, screened and exported like the CLI", async () => {
  const page = await open(browser, "/test/screening.html");
  const d = w(page);
  assert.match(await d.locator("[data-testid=local-note]").textContent(), /文件只在本机处理，不会上传/);
  await d.locator("[data-testid=file-input]").setInputFiles(FIX + "households.xlsx");
  await d.locator("[data-testid=mapping]").waitFor();
  assert.match(await d.locator("[data-testid=file-summary]").textContent(), /Excel 工作簿（工作表“农户信息”），表头在第 3 行，共 15 行数据，已识别 17 列/);
  // Income columns sit under the merged 家庭收入情况 header; 户编号 is merged over two rows.
  const sel = (f) => d.locator(`[data-testid=map-${f}]`);
  assert.equal(await sel("household_id").inputValue(), "0");
  assert.equal(await sel("wage").inputValue(), "6");
  assert.equal(await sel("per_capita_net_income").inputValue(), "11");
  assert.equal(await sel("elimination_status").inputValue(), "");
  await page.screenshot({ path: shot("screening-mapping.png"), fullPage: true });
  await d.locator("[data-testid=start]").click();
  await checkFlagged(d);
  await page.screenshot({ path: shot("screening-results.png"), fullPage: true });

  // Filters and sorting.
  await d.locator("[data-testid=filter-township]").selectOption("薛百镇");
  assert.equal(await d.locator("[data-testid=flagged-row]").count(), 4);
  await d.locator("[data-testid=filter-village]").selectOption("上泉村");
  assert.equal(await d.locator("[data-testid=flagged-row]").count(), 2);
  await d.locator("[data-testid=filter-township]").selectOption("");
  await d.locator("[data-testid=filter-flag]").selectOption("income_declined");
  assert.equal(await d.locator("[data-testid=flagged-row]").count(), 1);
  await d.locator("[data-testid=filter-flag]").selectOption("");
  await d.locator("[data-testid=sort-row]").click();
  assert.equal(await d.locator("[data-testid=flagged-row]").first().getAttribute("data-row"), "5");
  await d.locator("[data-testid=sort-row]").click();
  assert.equal(await d.locator("[data-testid=flagged-row]").first().getAttribute("data-row"), "16");

  // The CSV export is byte for byte what `bangfu screen` writes for the same file.
  const csv = await download(page, d.locator("[data-testid=export-csv]"));
  assert.equal(csv.name, "households-疑点清单.csv");
  assert.deepEqual(csv.bytes, cli(FIX + "households.xlsx"));
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.deepEqual(page.jsErrors, []);
  await page.close();
});

test("a GBK CSV dropped on the widget gives the same flags, and the XLSX export has a sheet per township", async () => {
  const page = await open(browser, "/test/screening.html");
  const d = w(page);
  const bytes = [...readFileSync(FIX + "households-gbk.csv")];
  const transfer = await page.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], "households-gbk.csv", { type: "text/csv" }));
    return dt;
  }, bytes);
  await d.locator("[data-testid=drop-zone]").dispatchEvent("drop", { dataTransfer: transfer });
  await d.locator("[data-testid=mapping]").waitFor();
  assert.match(await d.locator("[data-testid=file-summary]").textContent(), /CSV（GBK），表头在第 1 行/);
  await d.locator("[data-testid=start]").click();
  await checkFlagged(d);
  const csv = await download(page, d.locator("[data-testid=export-csv]"));
  assert.deepEqual(csv.bytes, cli(FIX + "households-gbk.csv"));
  const xlsx = await download(page, d.locator("[data-testid=export-xlsx]"));
  assert.equal(xlsx.name, "households-gbk-疑点清单.xlsx");
  const path = ARTIFACTS + "/screening-export.xlsx";
  writeFileSync(path, xlsx.bytes);
  // Opened back with Python's zip reader: the workbook's sheets and a flagged row.
  const listing = execFileSync("python3", ["-c", `
import sys, zipfile, re
z = zipfile.ZipFile(sys.argv[1])
book = z.read("xl/workbook.xml").decode()
print("|".join(re.findall(r'sheet name="([^"]+)"', book)))
print(z.read("xl/worksheets/sheet4.xml").decode().replace("\\n", " "))`, path], { encoding: "utf8" });
  const [sheets, sheet4] = listing.split("\n", 2);
  assert.equal(sheets, "汇总|大坝镇|收成镇|薛百镇");
  assert.match(sheet4, /人均纯收入计算不符/);
  assert.match(sheet4, /第16条/);
  await page.close();
});

test("a corrected column is remembered on the device for the next file", async () => {
  const page = await open(browser, "/test/screening.html");
  const d = w(page);
  await d.locator("[data-testid=file-input]").setInputFiles(FIX + "households-gbk.csv");
  await d.locator("[data-testid=mapping]").waitFor();
  // The officer says the ledger's 上年人均纯收入 column is not to be used.
  await d.locator("[data-testid=map-previous_per_capita_net_income]").selectOption("");
  await d.locator("[data-testid=start]").click();
  await d.locator("[data-testid=results]").waitFor();
  assert.equal(await d.locator("[data-testid=flagged-row][data-id='6206210008']").count(), 0, "no income_declined without the column");
  await page.reload();
  await d.locator("[data-testid=file-input]").setInputFiles(FIX + "households-gbk.csv");
  await d.locator("[data-testid=mapping]").waitFor();
  assert.equal(await d.locator("[data-testid=map-per_capita_net_income]").inputValue(), "11");
  await page.close();
});

test("a file that is not a spreadsheet, an empty one and a header without data get clear messages", async () => {
  const page = await open(browser, "/test/screening.html");
  const d = w(page);
  const cases = [
    ["photo.xlsx", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]), /这不是表格文件/],
    ["broken.xlsx", Buffer.from("PK\u0003\u0004broken"), /Excel 文件打不开/],
    ["empty.csv", Buffer.alloc(0), /文件是空的/],
    ["header.csv", Buffer.from("户编号,家庭人口,人均纯收入\n"), /只有表头/],
    ["prices.csv", Buffer.from("品名,单价\n白菜,2\n"), /找不到表头/],
  ];
  for (const [name, buffer, message] of cases) {
    await d.locator("[data-testid=file-input]").setInputFiles({ name, mimeType: "application/octet-stream", buffer });
    await d.locator("[data-testid=file-error]").waitFor();
    assert.match(await d.locator("[data-testid=file-error]").textContent(), message, name);
  }
  await page.screenshot({ path: shot("screening-bad-file.png"), fullPage: true });
  assert.deepEqual(page.jsErrors, []);
  await page.close();
});
