//! A real next step after the public self-check: the portal's 一键报贫 link and hotline (both
//! checked: `safe_href`, `safe_tel`), and the result kept by the person — print, a picture
//! saved on the phone, and a QR code of the answers a cadre can scan. All made on the device;
//! nothing is sent.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::browser;
use crate::ui::qr::QrCodeView;

/// Where to go now: 一键报贫 (`report_url`, already checked by `safe_href`), the hotline
/// ((shown, `tel:` href), already checked by `safe_tel`), the village. A plain function (no
/// hooks), so it costs no component of its own in the bundle.
pub fn contact(report_url: Option<&AttrValue>, hotline: Option<&(AttrValue, AttrValue)>) -> Html {
    html! {
        <div class="contact" data-testid="contact">
            if let Some(url) = report_url {
                <p><a class="btn" href={url.clone()} data-testid="report-link">{"去“一键报贫”申报"}</a></p>
            }
            if let Some((shown, href)) = hotline {
                <p><a class="btn btn-quiet" href={href.clone()} data-testid="hotline-link">
                    {"拨打帮扶热线 "}<span class="tel">{shown.clone()}</span></a></p>
            }
            <p>{"也可以直接找村委会或驻村工作队，把下面的二维码给他们扫一下，就不用再从头说一遍。"}</p>
        </div>
    }
}

/// Save, print and the QR code of the answers: `lines` is what the QR code holds and the saved
/// picture shows (the answers, in plain words), `root` the widget to draw. A plain function (no
/// hooks); the QR code stays a component, so it is only drawn again when the answers change.
pub fn keep_result(lines: Rc<Vec<String>>, root: &NodeRef) -> Html {
    let text = lines.join("\n");
    let save = {
        let (root, lines, text) = (root.clone(), lines.clone(), text.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(node) = root.get() {
                browser::save_picture(&node, "帮扶自查结果.png", &lines, &text);
            }
        })
    };
    html! {
        <div class="keep" data-testid="keep">
            <h3>{"保存结果，给村干部看"}</h3>
            <div class="actions">
                <button type="button" class="btn" onclick={save} data-testid="save-image">{"保存为图片"}</button>
                <button type="button" class="btn btn-quiet" onclick={Callback::from(|_: MouseEvent| browser::print_page())}
                    data-testid="print-result">{"打印或存为PDF"}</button>
            </div>
            <figure class="qr-box">
                <QrCodeView text={AttrValue::from(text.clone())} label="您填写的回答的二维码" testid="answers-qr" />
                <figcaption>{"村干部用手机扫这个二维码，就能看到您填写的回答（二维码在您手机上生成，不上传）。"}</figcaption>
            </figure>
        </div>
    }
}
