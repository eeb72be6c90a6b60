//! Writes the screening test files: a household workbook (title row, two-level merged
//! header, formulas, date cells, full-width digits, 万) and the same rows as a GBK CSV, each
//! with planted errors; or, with `--rows N`, a large generated file for the benchmark.
//! The workbook is written with rust_xlsxwriter, independently of our own XLSX writer.
//!
//! cargo run -p bangfu-sheet --example screening_fixtures -- OUT_DIR [--rows N]

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

#[derive(Clone)]
enum Cell {
    Text(String),
    Number(f64),
    /// A date cell (Excel serial with a date format).
    Date(u16, u8, u8),
    /// A formula with its cached result.
    Formula(String, f64),
}

fn t(s: &str) -> Cell {
    Cell::Text(s.to_string())
}
fn n(v: f64) -> Cell {
    Cell::Number(v)
}

const HEADERS: [&str; 17] = [
    "户编号",
    "户主姓名",
    "所属乡镇",
    "所属村",
    "家庭人口",
    "家庭成员",
    "工资性收入",
    "生产经营性收入",
    "财产性收入",
    "转移性收入",
    "生产经营性支出",
    "人均纯收入",
    "上年人均纯收入",
    "户类型",
    "监测对象类别",
    "识别时间",
    "风险消除时间",
];

/// One household: cells in HEADERS order; the per-capita cell a formula over the row.
#[allow(clippy::too_many_arguments)]
fn household(
    id: &str,
    name: &str,
    town: &str,
    village: &str,
    size: Cell,
    members: Cell,
    income: [f64; 5],
    per_capita: Option<Cell>,
    previous: Cell,
    kind: &str,
    category: &str,
    identified: Cell,
    eliminated: Cell,
) -> Vec<Cell> {
    let mut row = vec![t(id), t(name), t(town), t(village), size, members];
    row.extend(income.iter().map(|v| n(*v)));
    row.push(per_capita.unwrap_or(t("")));
    row.extend([previous, t(kind), t(category), identified, eliminated]);
    row
}

/// The planted rows: (row cells, expected flag codes).
fn planted() -> Vec<(Vec<Cell>, &'static str)> {
    let e = || t("");
    let f = |r: usize, v: f64| {
        Some(Cell::Formula(
            format!("=ROUND((G{r}+H{r}+I{r}+J{r}-K{r})/E{r},2)"),
            v,
        ))
    };
    // Data rows start at spreadsheet row 4 (title, two header rows).
    vec![
        (
            household(
                "6206210001",
                "张一",
                "薛百镇",
                "宋和村",
                n(3.0),
                e(),
                [20000.0, 10000.0, 0.0, 3000.0, 3000.0],
                f(4, 10000.0),
                n(9000.0),
                "一般户",
                "",
                e(),
                e(),
            ),
            "",
        ),
        (
            household(
                "6206210002",
                "张二",
                "薛百镇",
                "宋和村",
                n(3.0),
                e(),
                [20000.0, 10000.0, 0.0, 3000.0, 3000.0],
                Some(n(12000.0)),
                n(9000.0),
                "一般户",
                "",
                e(),
                e(),
            ),
            "per_capita_mismatch",
        ),
        (
            household(
                "6206210003",
                "张三",
                "薛百镇",
                "宋和村",
                n(4.0),
                t("张三、李四、王五"),
                [30000.0, 10000.0, 0.0, 3000.0, 3000.0],
                f(6, 10000.0),
                n(9000.0),
                "一般户",
                "",
                e(),
                e(),
            ),
            "household_size_mismatch",
        ),
        (
            household(
                "6206210004",
                "张四",
                "薛百镇",
                "上泉村",
                n(3.0),
                e(),
                [15000.0, 3000.0, 0.0, 3000.0, 3000.0],
                f(7, 6000.0),
                e(),
                "脱贫户",
                "",
                e(),
                e(),
            ),
            "below_range_not_monitored",
        ),
        (
            household(
                "6206210005",
                "张五",
                "薛百镇",
                "上泉村",
                n(2.0),
                e(),
                [15600.0, 0.0, 0.0, 0.0, 0.0],
                f(8, 7800.0),
                e(),
                "监测户",
                "边缘易致贫户",
                Cell::Date(2023, 1, 10),
                Cell::Date(2024, 6, 30),
            ),
            "eliminated_below_range",
        ),
        (
            household(
                "6206210006",
                "李一",
                "大坝镇",
                "文一村",
                n(3.0),
                e(),
                [20000.0, 10000.0, 0.0, 3000.0, 3000.0],
                f(9, 10000.0),
                n(9000.0),
                "监测户",
                "脱贫不稳定户",
                Cell::Date(2022, 3, 1),
                e(),
            ),
            "monitored_over_two_years",
        ),
        (
            household(
                "6206210007",
                "李二",
                "大坝镇",
                "文一村",
                n(3.0),
                e(),
                [20000.0, 10000.0, 0.0, 3000.0, 3000.0],
                f(10, 10000.0),
                n(9000.0),
                "监测户",
                "边缘易致贫户",
                Cell::Date(2024, 3, 1),
                Cell::Date(2024, 7, 1),
            ),
            "eliminated_too_soon",
        ),
        (
            household(
                "6206210008",
                "李三",
                "大坝镇",
                "文一村",
                n(3.0),
                e(),
                [20000.0, 10000.0, 0.0, 3000.0, 3000.0],
                f(11, 10000.0),
                n(11000.0),
                "一般户",
                "",
                e(),
                e(),
            ),
            "income_declined",
        ),
        (
            household(
                "6206210009",
                "李四",
                "大坝镇",
                "文二村",
                n(2.0),
                e(),
                [0.0, 1000.0, 0.0, 0.0, 3000.0],
                f(12, -1000.0),
                e(),
                "监测户",
                "突发严重困难户",
                Cell::Date(2024, 5, 1),
                e(),
            ),
            "negative_net_income",
        ),
        (
            household(
                "6206210010",
                "李五",
                "大坝镇",
                "文二村",
                n(3.0),
                e(),
                [900.0, 0.0, 0.0, 0.0, 0.0],
                f(13, 300.0),
                e(),
                "监测户",
                "边缘易致贫户",
                Cell::Date(2024, 5, 1),
                e(),
            ),
            "per_capita_unusually_low",
        ),
        (
            household(
                "6206210011",
                "王一",
                "收成镇",
                "中平村",
                n(3.0),
                e(),
                [95000.0, 0.0, 0.0, 0.0, 0.0],
                f(14, 31666.67),
                e(),
                "一般户",
                "",
                e(),
                e(),
            ),
            "per_capita_unusually_high",
        ),
        (
            household(
                "6206210012",
                "王二",
                "收成镇",
                "中平村",
                e(),
                e(),
                [20000.0, 10000.0, 0.0, 3000.0, 3000.0],
                Some(n(10000.0)),
                n(9000.0),
                "一般户",
                "",
                e(),
                e(),
            ),
            "missing_field",
        ),
        (
            household(
                "6206210013",
                "王三",
                "收成镇",
                "中平村",
                t("不详"),
                e(),
                [20000.0, 10000.0, 0.0, 3000.0, 3000.0],
                Some(n(10000.0)),
                n(9000.0),
                "一般户",
                "",
                e(),
                e(),
            ),
            "unparseable_value",
        ),
        (
            vec![
                t("6206210014"),
                t("王四"),
                t("收成镇"),
                t("兴盛村"),
                t("３"),
                e(),
                t("２万"),
                t("1万"),
                n(0.0),
                t("3,000"),
                n(3000.0),
                t("１００００"),
                n(9000.0),
                t("一般户"),
                e(),
                e(),
                e(),
            ],
            "",
        ),
        (
            household(
                "6206210015",
                "王五",
                "收成镇",
                "兴盛村",
                n(3.0),
                n(3.0),
                [20000.0, 10000.0, 0.0, 3000.0, 3000.0],
                f(18, 10000.0),
                n(9000.0),
                "监测户",
                "边缘易致贫户",
                Cell::Date(2024, 3, 1),
                e(),
            ),
            "",
        ),
    ]
}

/// A deterministic large file: a tenth of the rows carry one planted error.
fn generated(rows: usize) -> Vec<Vec<Cell>> {
    let towns = ["薛百镇", "大坝镇", "收成镇", "苏武镇", "东坝镇", "西渠镇"];
    let mut seed: u64 = 17;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    (0..rows)
        .map(|i| {
            let size = 1 + next() % 6;
            let wage = (next() % 60000) as f64;
            let op = (next() % 30000) as f64;
            let tr = (next() % 8000) as f64;
            let ex = (next() % 10000) as f64;
            let net = wage + op + tr - ex;
            let mut pc = (net / size as f64 * 100.0).round() / 100.0;
            if i % 10 == 3 {
                pc += 50.0; // planted mismatch
            }
            let town = towns[next() % towns.len()];
            let village = format!("{}村", ["一", "二", "三", "四", "五"][next() % 5]);
            let monitored = next() % 5 == 0;
            vec![
                t(&format!("62062{:07}", i)),
                t(&format!("户主{i}")),
                t(town),
                t(&village),
                n(size as f64),
                t(""),
                n(wage),
                n(op),
                n(0.0),
                n(tr),
                n(ex),
                n(pc),
                n((pc * 0.95).round()),
                t(if monitored { "监测户" } else { "一般户" }),
                t(if monitored { "边缘易致贫户" } else { "" }),
                if monitored {
                    Cell::Date(2023, 1 + (next() % 12) as u8, 1)
                } else {
                    t("")
                },
                t(""),
            ]
        })
        .collect()
}

fn serial(y: u16, m: u8, d: u8) -> String {
    let date = chrono::NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32).unwrap_or_default();
    date.format("%Y/%-m/%-d").to_string()
}

fn csv_text(cell: &Cell) -> String {
    let s = match cell {
        Cell::Text(s) => s.clone(),
        Cell::Number(v) | Cell::Formula(_, v) => format!("{v}"),
        Cell::Date(y, m, d) => serial(*y, *m, *d),
    };
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn write_xlsx(
    path: &std::path::Path,
    rows: &[Vec<Cell>],
    title: bool,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("农户信息")?;
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let mut r: u32 = 0;
    if title {
        // A merged title row, then a two-level header: 家庭收入情况 merged over the incomes,
        // the other headers merged vertically over both rows.
        sheet.merge_range(
            0,
            0,
            0,
            16,
            "民勤县2024年第三季度防止返贫监测数据核查表",
            &Format::new(),
        )?;
        for (c, h) in HEADERS.iter().enumerate() {
            let c = c as u16;
            if (6..=10).contains(&c) {
                sheet.write_string(2, c, *h)?;
            } else {
                sheet.merge_range(1, c, 2, c, h, &Format::new())?;
            }
        }
        sheet.merge_range(1, 6, 1, 10, "家庭收入情况（元）", &Format::new())?;
        r = 3;
    } else {
        for (c, h) in HEADERS.iter().enumerate() {
            sheet.write_string(0, c as u16, *h)?;
        }
        r = r.max(1);
    }
    for row in rows {
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(s) if s.is_empty() => {}
                Cell::Text(s) => {
                    sheet.write_string(r, c, s)?;
                }
                Cell::Number(v) => {
                    sheet.write_number(r, c, *v)?;
                }
                Cell::Formula(f, v) => {
                    sheet.write_formula(r, c, Formula::new(f).set_result(v.to_string()))?;
                }
                Cell::Date(y, m, d) => {
                    sheet.write_datetime_with_format(
                        r,
                        c,
                        ExcelDateTime::from_ymd(*y, *m, *d)?,
                        &date,
                    )?;
                }
            }
        }
        r += 1;
    }
    book.save(path)?;
    Ok(())
}

fn write_csv(path: &std::path::Path, rows: &[Vec<Cell>], gbk: bool) -> std::io::Result<()> {
    let mut text = HEADERS.join(",") + "\r\n";
    for row in rows {
        text.push_str(&row.iter().map(csv_text).collect::<Vec<_>>().join(","));
        text.push_str("\r\n");
    }
    if gbk {
        let (bytes, _, _) = encoding_rs::GBK.encode(&text);
        std::fs::write(path, bytes)
    } else {
        std::fs::write(path, text)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = std::path::PathBuf::from(args.first().map_or(".", String::as_str));
    std::fs::create_dir_all(&dir)?;
    if let Some(i) = args.iter().position(|a| a == "--rows") {
        let count: usize = args
            .get(i + 1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(100_000);
        let rows = generated(count);
        write_csv(&dir.join(format!("generated-{count}.csv")), &rows, false)?;
        write_xlsx(&dir.join(format!("generated-{count}.xlsx")), &rows, false)?;
        return Ok(());
    }
    let planted = planted();
    let rows: Vec<Vec<Cell>> = planted.iter().map(|(r, _)| r.clone()).collect();
    write_xlsx(&dir.join("households.xlsx"), &rows, true)?;
    write_csv(&dir.join("households-gbk.csv"), &rows, true)?;
    let expected: Vec<String> = planted
        .iter()
        .map(|(r, codes)| match &r[0] {
            Cell::Text(id) => format!("{id}\t{codes}"),
            _ => String::new(),
        })
        .collect();
    std::fs::write(
        dir.join("households-expected.tsv"),
        expected.join("\n") + "\n",
    )?;
    Ok(())
}
