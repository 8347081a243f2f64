//! The one page participants open: self-contained (its style and script inline, no
//! external request), a Content-Security-Policy allowing only those by their hashes
//! and calls to this server, in the map's language, readable at 390 px. Every text
//! from the map or the room is set as text (`textContent`), never as markup. The
//! token is kept in the phone's local storage, so a reload keeps it and the votes it
//! has left.

use crate::reply::Reply;
use journeymap_format::i18n::I18n;
use journeymap_model::model::{Journey, Stage};
use journeymap_picture::export::html::script_json;
use journeymap_picture::export::web::{Page, escape};

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:0;padding:16px;max-width:640px;color:#1d2433;background:#fff;font-size:18px;line-height:1.4}h1{font-size:22px;margin:0 0 12px}h2{font-size:19px;margin:20px 0 8px}button{font-size:18px;min-height:44px;min-width:44px;border-radius:8px;border:1px solid #1d2433;background:#fff;color:#1d2433}button.primary{background:#1d2433;color:#fff}input,select,textarea{font-size:18px;width:100%;box-sizing:border-box;padding:8px;margin:4px 0 12px;border:1px solid #5b6475;border-radius:6px}.item{display:flex;align-items:center;gap:8px;border-bottom:1px solid #d5d9e0;padding:8px 0}.item .title{flex:1}.item .mine{min-width:2em;text-align:center;font-weight:bold}.muted{color:#4a5366}.error{color:#a31515}[hidden]{display:none}";

const SCRIPT: &str = r#"(function(){
const words=JSON.parse(document.getElementById('words').textContent);
const $=id=>document.getElementById(id);
let token=localStorage.getItem('journeymap-room');
function say(el,text){el.textContent=text;}
async function call(method,path,body){
  const headers={'Content-Type':'application/json'};
  if(token){headers['Authorization']='Bearer '+token;}
  const r=await fetch(path,{method,headers,body:body?JSON.stringify(body):undefined});
  let data={};try{data=await r.json();}catch(e){}
  return {status:r.status,data};
}
async function join(){
  const r=await call('POST','/api/join',{pin:$('pin').value});
  if(r.status===200){token=r.data.token;localStorage.setItem('journeymap-room',token);show();}
  else{say($('join-error'),r.data.error||words.failed);}
}
async function vote(ref,delta){
  const r=await call('POST','/api/vote',{ref,delta});
  if(r.status!==200){say($('vote-error'),r.data.error||words.failed);}else{say($('vote-error'),'');}
  refresh();
}
async function note(){
  const r=await call('POST','/api/note',{stage:$('stage').value,kind:$('kind').value,text:$('text').value});
  if(r.status===201){$('text').value='';say($('note-status'),words.sent);}
  else{say($('note-status'),r.data.error||words.failed);}
}
function render(s){
  $('ballot').hidden=!s.voting;
  say($('waiting'),s.voting?'':words.waiting);
  if(!s.voting){return;}
  say($('question'),s.question||words.vote);
  say($('left'),words.left.replace('%n%',s.votes_left));
  say($('timer'),s.seconds_left==null?'':words.seconds.replace('%n%',s.seconds_left));
  const list=$('items');list.replaceChildren();
  const counts={};(s.counts||[]).forEach(c=>counts[c.ref]=c.count);
  s.items.forEach(i=>{
    const row=document.createElement('div');row.className='item';
    const title=document.createElement('span');title.className='title';title.textContent=i.title;
    const minus=document.createElement('button');minus.textContent='−';minus.setAttribute('aria-label',words.less+': '+i.title);minus.onclick=()=>vote(i.ref,-1);
    const mine=document.createElement('span');mine.className='mine';mine.textContent=String(i.mine);
    const plus=document.createElement('button');plus.textContent='+';plus.setAttribute('aria-label',words.more+': '+i.title);plus.onclick=()=>vote(i.ref,1);
    row.append(title,minus,mine,plus);
    if(s.revealed){const c=document.createElement('span');c.className='muted';c.textContent=words.total.replace('%n%',counts[i.ref]||0);row.append(c);}
    list.append(row);
  });
}
async function refresh(){
  const r=await call('GET','/api/state');
  if(r.status===200){render(r.data);}
  else if(r.status===401){token=null;localStorage.removeItem('journeymap-room');$('room').hidden=true;$('join').hidden=false;}
  else if(r.status===410){say($('waiting'),words.closed);$('ballot').hidden=true;$('notes').hidden=true;}
}
function show(){$('join').hidden=true;$('room').hidden=false;refresh();}
$('join-button').onclick=join;
$('note-button').onclick=note;
const pin=new URLSearchParams(location.search).get('pin');if(pin){$('pin').value=pin;}
if(token){show();}
setInterval(()=>{if(token){refresh();}},2000);
})();"#;

/// The page, in the map's language.
pub fn participant_page(journey: &Journey) -> Reply {
    let i18n = I18n::new(journey.language);
    let tr = |id: &str| escape(&i18n.tr(id));
    let words = script_json(&serde_json::json!({
        "failed": i18n.tr("room-failed"),
        "sent": i18n.tr("room-sent"),
        "waiting": i18n.tr("room-waiting"),
        "vote": i18n.tr("room-vote"),
        "left": journeymap_format::tr!(i18n, "room-left", n = "%n%"),
        "seconds": journeymap_format::tr!(i18n, "room-seconds", n = "%n%"),
        "less": i18n.tr("room-less"),
        "more": i18n.tr("room-more"),
        "total": journeymap_format::tr!(i18n, "room-total", n = "%n%"),
        "closed": i18n.tr("room-closed"),
    }));
    let stages: String = Stage::ALL
        .iter()
        .map(|s| {
            format!(
                "<option value=\"{}\">{}</option>",
                s.key(),
                escape(&i18n.stage_name(journey, *s))
            )
        })
        .collect();
    let kinds: String = ["pain", "idea", "quote", "touchpoint"]
        .iter()
        .map(|k| {
            format!(
                "<option value=\"{k}\">{}</option>",
                tr(&format!("room-kind-{k}"))
            )
        })
        .collect();
    let title = escape(&journey.title);
    let body = format!(
        "<h1>{title}</h1>\
<section id=\"join\"><label for=\"pin\">{pin_label}</label><input id=\"pin\" inputmode=\"numeric\" autocomplete=\"off\"><button id=\"join-button\" class=\"primary\">{join}</button><p id=\"join-error\" class=\"error\" role=\"alert\"></p></section>\
<section id=\"room\" hidden><p id=\"waiting\" class=\"muted\" role=\"status\"></p>\
<div id=\"ballot\" hidden><h2 id=\"question\"></h2><p><span id=\"left\"></span> <span id=\"timer\" class=\"muted\"></span></p><div id=\"items\"></div><p id=\"vote-error\" class=\"error\" role=\"alert\"></p></div>\
<div id=\"notes\"><h2>{note_heading}</h2><label for=\"stage\">{stage_label}</label><select id=\"stage\">{stages}</select><label for=\"kind\">{kind_label}</label><select id=\"kind\">{kinds}</select><label for=\"text\">{text_label}</label><textarea id=\"text\" rows=\"4\" maxlength=\"2000\"></textarea><button id=\"note-button\" class=\"primary\">{send}</button><p id=\"note-status\" role=\"status\"></p></div></section>\
<script type=\"application/json\" id=\"words\">{words}</script>\n",
        pin_label = tr("room-pin"),
        join = tr("room-join"),
        note_heading = tr("room-note"),
        stage_label = tr("room-stage"),
        kind_label = tr("room-kind"),
        text_label = tr("room-text"),
        send = tr("room-send"),
    );
    // The one page shell: its policy allows this style and script by their hashes,
    // and calls to this server; the same policy goes in the header too.
    let page = Page {
        language: journey.language.key(),
        title: &journey.title,
        style: STYLE,
        script: Some(SCRIPT),
        images: false,
        fonts: false,
        connect: true,
        head: "",
        body: &body,
    };
    let policy = format!("{}; frame-ancestors 'none'", page.policy());
    let body = page.html();
    Reply {
        status: 200,
        body,
        headers: vec![
            ("Content-Type".into(), "text/html; charset=utf-8".into()),
            ("Content-Security-Policy".into(), policy),
            ("X-Content-Type-Options".into(), "nosniff".into()),
            ("Referrer-Policy".into(), "no-referrer".into()),
            ("Cache-Control".into(), "no-store".into()),
        ],
    }
}
