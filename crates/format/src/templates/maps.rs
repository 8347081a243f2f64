//! The starting maps' content, in English and Spanish.

use super::{Behind, Grey, Step, Template};
use crate::model::{ActorKind, BlueprintLane, GreyAreaKind, Severity, Stage};

macro_rules! behind {
    ($serves:literal, $lane:ident, $kind:ident, $actor:expr, $title:expr, $duration:literal, $standard:literal, $fail:literal) => {
        Behind {
            serves: $serves,
            lane: BlueprintLane::$lane,
            actor: $actor,
            kind: ActorKind::$kind,
            title: $title,
            duration: $duration,
            standard: $standard,
            fail_point: $fail,
        }
    };
}

macro_rules! step {
    ($stage:ident, $channel:literal, $department:literal, $score:literal,
     $title:expr, $doing:expr, $thinking:expr) => {
        Step {
            stage: Stage::$stage,
            channel: $channel,
            department: $department,
            score: $score,
            title: $title,
            doing: $doing,
            thinking: $thinking,
        }
    };
}

pub static TEMPLATES: &[Template] = &[
    Template {
        key: "switch-telecom-provider",
        title: [
            "Switching telecom provider",
            "Cambiar de operador de telecomunicaciones",
        ],
        persona: [
            "Carmen, family plan holder",
            "Carmen, titular de un plan familiar",
        ],
        description: [
            "45, pays for four lines and home fibre; wants a better price without losing her number.",
            "45 años, paga cuatro líneas y la fibra de casa; quiere mejor precio sin perder su número.",
        ],
        scenario: [
            "Carmen moves her family's mobile lines and fibre to a new provider, keeping their numbers.",
            "Carmen lleva las líneas móviles y la fibra de su familia a otro operador, conservando los números.",
        ],
        steps: &[
            step!(
                Awareness,
                "social",
                "marketing",
                1,
                [
                    "Sees a family bundle offer",
                    "Ve una oferta de paquete familiar"
                ],
                [
                    "Notices an ad with a lower monthly price",
                    "Ve un anuncio con una cuota más baja"
                ],
                [
                    "Could we pay less for the same?",
                    "¿Podríamos pagar menos por lo mismo?"
                ]
            ),
            step!(
                Interest,
                "web",
                "sales",
                1,
                [
                    "Compares bundles on the website",
                    "Compara paquetes en la web"
                ],
                [
                    "Checks data, minutes and the price after the promotion",
                    "Revisa datos, minutos y el precio tras la promoción"
                ],
                [
                    "What will it cost after twelve months?",
                    "¿Cuánto costará pasados doce meses?"
                ]
            ),
            step!(
                Consideration,
                "chat",
                "sales",
                0,
                [
                    "Asks whether the numbers can be kept",
                    "Pregunta si se conservan los números"
                ],
                [
                    "Asks in chat how number portability works",
                    "Pregunta en el chat cómo funciona la portabilidad"
                ],
                [
                    "I don't want to lose my number",
                    "No quiero perder mi número"
                ]
            ),
            step!(
                Action,
                "store",
                "sales",
                1,
                [
                    "Signs the contract in a store",
                    "Firma el contrato en tienda"
                ],
                [
                    "Brings ID and the old provider's details",
                    "Lleva el DNI y los datos del operador anterior"
                ],
                ["Done, at last", "Hecho, por fin"]
            ),
            step!(
                Usage,
                "phone",
                "service",
                -2,
                [
                    "Loses service on the switching day",
                    "Se queda sin servicio el día del cambio"
                ],
                [
                    "Calls support because two lines have no signal",
                    "Llama a soporte porque dos líneas no tienen señal"
                ],
                [
                    "Nobody told us there would be a gap",
                    "Nadie nos avisó de que habría un corte"
                ]
            ),
            step!(
                Usage,
                "email",
                "billing",
                -1,
                [
                    "Receives two bills for the same month",
                    "Recibe dos facturas del mismo mes"
                ],
                [
                    "Finds she is billed by both providers",
                    "Descubre que le cobran los dos operadores"
                ],
                ["Am I paying twice?", "¿Estoy pagando dos veces?"]
            ),
            step!(
                Advocacy,
                "social",
                "marketing",
                0,
                [
                    "Tells friends about the switch",
                    "Cuenta el cambio a sus amigos"
                ],
                [
                    "Recommends the price but warns about the switching day",
                    "Recomienda el precio pero avisa del día del cambio"
                ],
                [
                    "Worth it, if you have patience",
                    "Merece la pena, si tienes paciencia"
                ]
            ),
        ],
        greys: &[
            Grey {
                from: 3,
                kind: GreyAreaKind::DepartmentHandoff,
                severity: Severity::High,
                title: [
                    "Store sale to network switch: no one announces the gap",
                    "De la venta en tienda al cambio de red: nadie avisa del corte",
                ],
                experience: [
                    "The lines go dead without warning on the switching day",
                    "Las líneas se quedan sin servicio sin aviso el día del cambio",
                ],
            },
            Grey {
                from: 4,
                kind: GreyAreaKind::SystemGap,
                severity: Severity::Medium,
                title: [
                    "The old provider keeps billing",
                    "El operador anterior sigue facturando",
                ],
                experience: [
                    "Two bills for one month, and each provider points at the other",
                    "Dos facturas de un mes, y cada operador culpa al otro",
                ],
            },
        ],
        blueprint: &[],
    },
    Template {
        key: "online-order-return",
        title: ["Online order and return", "Pedido online y devolución"],
        persona: [
            "Leo, busy online shopper",
            "Leo, comprador online con poco tiempo",
        ],
        description: [
            "29, orders from the phone, expects delivery in two days and free returns.",
            "29 años, compra desde el móvil, espera la entrega en dos días y devoluciones gratis.",
        ],
        scenario: [
            "Leo orders a jacket online, the delivery is late and the size is wrong, so he returns it.",
            "Leo pide una chaqueta online, la entrega se retrasa y la talla no es la suya, así que la devuelve.",
        ],
        steps: &[
            step!(
                Awareness,
                "social",
                "marketing",
                1,
                ["Sees the jacket in an ad", "Ve la chaqueta en un anuncio"],
                ["Taps a sponsored post", "Pulsa una publicación patrocinada"],
                ["That looks good", "Tiene buena pinta"]
            ),
            step!(
                Interest,
                "web",
                "sales",
                1,
                [
                    "Reads reviews and the size guide",
                    "Lee opiniones y la guía de tallas"
                ],
                [
                    "Compares sizes between brands",
                    "Compara tallas entre marcas"
                ],
                ["Which size am I here?", "¿Qué talla soy aquí?"]
            ),
            step!(
                Consideration,
                "web",
                "sales",
                0,
                [
                    "Checks delivery and return terms",
                    "Revisa las condiciones de entrega y devolución"
                ],
                [
                    "Looks for the returns policy",
                    "Busca la política de devoluciones"
                ],
                ["Can I send it back for free?", "¿Puedo devolverla gratis?"]
            ),
            step!(
                Action,
                "mobile-app",
                "sales",
                1,
                ["Pays in the app", "Paga en la app"],
                [
                    "Checks out with a saved card",
                    "Paga con una tarjeta guardada"
                ],
                ["Quick", "Rápido"]
            ),
            step!(
                Usage,
                "partner",
                "logistics",
                -2,
                [
                    "The parcel arrives three days late",
                    "El paquete llega con tres días de retraso"
                ],
                [
                    "Tracks a parcel that does not move",
                    "Sigue un paquete que no avanza"
                ],
                ["Where is it?", "¿Dónde está?"]
            ),
            step!(
                Usage,
                "store",
                "logistics",
                -1,
                [
                    "Returns the jacket in a store",
                    "Devuelve la chaqueta en una tienda"
                ],
                [
                    "Queues to return the wrong size",
                    "Hace cola para devolver la talla equivocada"
                ],
                [
                    "The store doesn't know my order",
                    "La tienda no conoce mi pedido"
                ]
            ),
            step!(
                Advocacy,
                "email",
                "service",
                0,
                [
                    "Answers the satisfaction survey",
                    "Responde la encuesta de satisfacción"
                ],
                [
                    "Rates the delivery low and the product high",
                    "Puntúa bajo la entrega y alto el producto"
                ],
                ["Good jacket, bad delivery", "Buena chaqueta, mala entrega"]
            ),
        ],
        greys: &[
            Grey {
                from: 3,
                kind: GreyAreaKind::SystemGap,
                severity: Severity::High,
                title: [
                    "Shop and courier tracking out of step",
                    "El seguimiento de la tienda y el del mensajero no coinciden",
                ],
                experience: [
                    "The app says on time while the parcel is stuck",
                    "La app dice que llega a tiempo mientras el paquete está parado",
                ],
            },
            Grey {
                from: 4,
                kind: GreyAreaKind::ChannelSwitch,
                severity: Severity::Medium,
                title: [
                    "Online order, store return",
                    "Pedido online, devolución en tienda",
                ],
                experience: [
                    "The store cannot see the online order",
                    "La tienda no ve el pedido online",
                ],
            },
        ],
        blueprint: &[
            behind!(
                3,
                Support,
                System,
                ["Order system", "Sistema de pedidos"],
                [
                    "Order system books the payment and the stock",
                    "El sistema de pedidos registra el pago y el stock"
                ],
                "2 min",
                "",
                false
            ),
            behind!(
                3,
                Backstage,
                Staff,
                ["Warehouse team", "Equipo de almacén"],
                [
                    "Warehouse picks and packs the jacket",
                    "El almacén prepara y embala la chaqueta"
                ],
                "1 d",
                "1 d",
                false
            ),
            behind!(
                4,
                Frontstage,
                Partner,
                ["Courier", "Repartidor"],
                [
                    "Courier delivers the parcel",
                    "El repartidor entrega el paquete"
                ],
                "3 d",
                "1 d",
                true
            ),
            behind!(
                4,
                Support,
                System,
                ["Tracking system", "Sistema de seguimiento"],
                [
                    "Tracking system shows the parcel's status",
                    "El sistema de seguimiento muestra el estado del paquete"
                ],
                "6 h",
                "1 h",
                false
            ),
            behind!(
                5,
                Frontstage,
                Staff,
                ["Store staff", "Personal de tienda"],
                [
                    "Store staff take the return at the desk",
                    "El personal de tienda recibe la devolución en el mostrador"
                ],
                "15 min",
                "5 min",
                false
            ),
            behind!(
                5,
                Backstage,
                Staff,
                ["Returns desk", "Mostrador de devoluciones"],
                [
                    "Returns desk logs the return for the web shop",
                    "El mostrador registra la devolución para la tienda online"
                ],
                "2 d",
                "1 d",
                true
            ),
        ],
    },
    Template {
        key: "bank-account",
        title: ["Opening a bank account", "Abrir una cuenta bancaria"],
        persona: [
            "Amira, new in the city",
            "Amira, recién llegada a la ciudad",
        ],
        description: [
            "31, just moved for a job; needs an account to receive her first salary.",
            "31 años, acaba de mudarse por trabajo; necesita una cuenta para cobrar su primer sueldo.",
        ],
        scenario: [
            "Amira opens an account online, the identity check stalls, and her card arrives after payday.",
            "Amira abre una cuenta online, la verificación de identidad se atasca y la tarjeta llega después del día de cobro.",
        ],
        steps: &[
            step!(
                Awareness,
                "social",
                "marketing",
                0,
                [
                    "Hears about an online bank",
                    "Oye hablar de un banco online"
                ],
                [
                    "A colleague recommends a bank with no fees",
                    "Una compañera le recomienda un banco sin comisiones"
                ],
                ["No fees sounds good", "Sin comisiones suena bien"]
            ),
            step!(
                Interest,
                "web",
                "marketing",
                1,
                ["Compares accounts and fees", "Compara cuentas y comisiones"],
                [
                    "Reads the conditions of three banks",
                    "Lee las condiciones de tres bancos"
                ],
                ["Which one is really free?", "¿Cuál es gratis de verdad?"]
            ),
            step!(
                Consideration,
                "chat",
                "service",
                0,
                [
                    "Asks which documents she needs",
                    "Pregunta qué documentos necesita"
                ],
                [
                    "Asks whether a foreign ID is accepted",
                    "Pregunta si aceptan un documento extranjero"
                ],
                ["Will my papers be enough?", "¿Bastarán mis papeles?"]
            ),
            step!(
                Action,
                "mobile-app",
                "sales",
                -1,
                [
                    "Verifies her identity in the app",
                    "Verifica su identidad en la app"
                ],
                [
                    "Takes selfies and photos of her ID three times",
                    "Hace selfis y fotos del documento tres veces"
                ],
                ["Why does it keep failing?", "¿Por qué sigue fallando?"]
            ),
            step!(
                Action,
                "phone",
                "service",
                -1,
                [
                    "Calls to unblock the verification",
                    "Llama para desbloquear la verificación"
                ],
                ["Explains her case twice", "Explica su caso dos veces"],
                ["I just want to get paid", "Solo quiero cobrar"]
            ),
            step!(
                Usage,
                "partner",
                "logistics",
                -2,
                [
                    "The card arrives after payday",
                    "La tarjeta llega después del día de cobro"
                ],
                ["Waits for the card by post", "Espera la tarjeta por correo"],
                ["How do I pay rent now?", "¿Cómo pago ahora el alquiler?"]
            ),
            step!(
                Advocacy,
                "social",
                "marketing",
                1,
                [
                    "Recommends the app, not the onboarding",
                    "Recomienda la app, no el alta"
                ],
                [
                    "Tells a friend the app is great once you are in",
                    "Le dice a una amiga que la app es genial una vez dentro"
                ],
                [
                    "Hard to get in, easy to use",
                    "Difícil entrar, fácil de usar"
                ]
            ),
        ],
        greys: &[
            Grey {
                from: 3,
                kind: GreyAreaKind::ChannelSwitch,
                severity: Severity::High,
                title: [
                    "App verification fails into a phone call",
                    "La verificación en la app acaba en una llamada",
                ],
                experience: [
                    "The agent cannot see why the app rejected her",
                    "El agente no ve por qué la app la rechazó",
                ],
            },
            Grey {
                from: 4,
                kind: GreyAreaKind::DepartmentHandoff,
                severity: Severity::Medium,
                title: [
                    "Account open, card still in the post",
                    "Cuenta abierta, tarjeta aún en el correo",
                ],
                experience: [
                    "She has an account she cannot use",
                    "Tiene una cuenta que no puede usar",
                ],
            },
        ],
        blueprint: &[],
    },
    Template {
        key: "insurance-claim",
        title: ["Car insurance claim", "Parte de seguro de coche"],
        persona: [
            "David, driver after a minor accident",
            "David, conductor tras un golpe leve",
        ],
        description: [
            "52, needs his car for work; has never made a claim before.",
            "52 años, necesita el coche para trabajar; nunca ha dado un parte.",
        ],
        scenario: [
            "David reports a minor crash, waits for an assessor, and gets his car back repaired.",
            "David da parte de un golpe leve, espera al perito y recupera el coche reparado.",
        ],
        steps: &[
            step!(
                Awareness,
                "mobile-app",
                "service",
                -1,
                ["Finds how to report a claim", "Busca cómo dar un parte"],
                [
                    "Searches the app after the accident",
                    "Busca en la app después del golpe"
                ],
                ["What do I do now?", "¿Y ahora qué hago?"]
            ),
            step!(
                Interest,
                "web",
                "service",
                0,
                [
                    "Checks what his policy covers",
                    "Comprueba qué cubre su póliza"
                ],
                [
                    "Reads the policy for a courtesy car",
                    "Busca en la póliza si tiene coche de sustitución"
                ],
                [
                    "Am I covered for a replacement car?",
                    "¿Tengo coche de sustitución?"
                ]
            ),
            step!(
                Consideration,
                "phone",
                "service",
                0,
                [
                    "Calls to ask about the process",
                    "Llama para preguntar por el proceso"
                ],
                [
                    "Asks how long the repair will take",
                    "Pregunta cuánto tardará la reparación"
                ],
                ["I need the car for work", "Necesito el coche para trabajar"]
            ),
            step!(
                Action,
                "mobile-app",
                "service",
                1,
                ["Files the claim with photos", "Presenta el parte con fotos"],
                [
                    "Uploads photos and the accident report",
                    "Sube fotos y el parte amistoso"
                ],
                [
                    "That was easier than expected",
                    "Más fácil de lo que esperaba"
                ]
            ),
            step!(
                Usage,
                "partner",
                "service",
                -2,
                ["Waits for the assessor", "Espera al perito"],
                [
                    "Hears nothing for ten days",
                    "No sabe nada durante diez días"
                ],
                [
                    "Has anyone looked at my claim?",
                    "¿Alguien ha mirado mi parte?"
                ]
            ),
            step!(
                Usage,
                "store",
                "service",
                1,
                ["Collects the repaired car", "Recoge el coche reparado"],
                [
                    "Picks up the car at the garage",
                    "Recoge el coche en el taller"
                ],
                ["Good as new", "Como nuevo"]
            ),
            step!(
                Advocacy,
                "email",
                "marketing",
                0,
                [
                    "Renews the policy, with doubts",
                    "Renueva la póliza, con dudas"
                ],
                [
                    "Compares prices before renewing",
                    "Compara precios antes de renovar"
                ],
                ["They fixed it, but slowly", "Lo arreglaron, pero despacio"]
            ),
        ],
        greys: &[
            Grey {
                from: 3,
                kind: GreyAreaKind::DepartmentHandoff,
                severity: Severity::High,
                title: [
                    "Claim filed, assessor not told",
                    "Parte presentado, perito sin avisar",
                ],
                experience: [
                    "Ten days of silence between the claim and the assessor",
                    "Diez días de silencio entre el parte y el perito",
                ],
            },
            Grey {
                from: 4,
                kind: GreyAreaKind::InconsistentMessage,
                severity: Severity::Medium,
                title: [
                    "Garage and insurer give different dates",
                    "El taller y la aseguradora dan fechas distintas",
                ],
                experience: ["He does not know whom to believe", "No sabe a quién creer"],
            },
        ],
        blueprint: &[
            behind!(
                3,
                Support,
                System,
                ["Claims system", "Sistema de siniestros"],
                [
                    "Claims system opens the case from the app",
                    "El sistema de siniestros abre el expediente desde la app"
                ],
                "5 min",
                "",
                false
            ),
            behind!(
                3,
                Backstage,
                Staff,
                ["Claims handler", "Tramitador de siniestros"],
                [
                    "Claims handler checks the cover and the photos",
                    "El tramitador revisa la cobertura y las fotos"
                ],
                "2 d",
                "1 d",
                false
            ),
            behind!(
                4,
                Backstage,
                Partner,
                ["Assessor", "Perito"],
                [
                    "Assessor is assigned and books a visit",
                    "Se asigna el perito y agenda la visita"
                ],
                "4 d",
                "2 d",
                true
            ),
            behind!(
                5,
                Frontstage,
                Partner,
                ["Garage", "Taller"],
                [
                    "Garage hands back the repaired car",
                    "El taller entrega el coche reparado"
                ],
                "30 min",
                "",
                false
            ),
        ],
    },
    Template {
        key: "hospital-appointment",
        title: [
            "Hospital outpatient appointment",
            "Cita de consultas externas en el hospital",
        ],
        persona: [
            "Rosa, patient referred by her GP",
            "Rosa, paciente derivada por su médico de cabecera",
        ],
        description: [
            "67, lives alone, uses a smartphone for calls and messages only.",
            "67 años, vive sola, usa el móvil solo para llamadas y mensajes.",
        ],
        scenario: [
            "Rosa is referred to a specialist, gets a letter with the wrong date, and finally sees the doctor.",
            "Rosa es derivada al especialista, recibe una carta con la fecha equivocada y por fin ve al médico.",
        ],
        steps: &[
            step!(
                Awareness,
                "store",
                "service",
                0,
                [
                    "Her GP refers her to a specialist",
                    "Su médico la deriva al especialista"
                ],
                [
                    "Leaves the health centre with a referral",
                    "Sale del centro de salud con el volante"
                ],
                ["How long will I wait?", "¿Cuánto tendré que esperar?"]
            ),
            step!(
                Interest,
                "phone",
                "service",
                -1,
                [
                    "Calls to ask about the waiting time",
                    "Llama para preguntar por la espera"
                ],
                [
                    "Waits on the phone line for twenty minutes",
                    "Espera veinte minutos al teléfono"
                ],
                ["Nobody answers", "No contesta nadie"]
            ),
            step!(
                Consideration,
                "web",
                "service",
                0,
                [
                    "A relative checks the hospital website",
                    "Un familiar mira la web del hospital"
                ],
                [
                    "Her son looks for the department's opening hours",
                    "Su hijo busca el horario del servicio"
                ],
                ["It's all so confusing", "Todo es muy confuso"]
            ),
            step!(
                Action,
                "partner",
                "logistics",
                -2,
                [
                    "Receives a letter with the wrong date",
                    "Recibe una carta con la fecha equivocada"
                ],
                [
                    "Reads a date that clashes with another appointment",
                    "Lee una fecha que coincide con otra cita"
                ],
                ["Which one is right?", "¿Cuál es la buena?"]
            ),
            step!(
                Usage,
                "store",
                "service",
                1,
                ["Sees the specialist", "Ve al especialista"],
                [
                    "Is seen after an hour in the waiting room",
                    "La atienden tras una hora en la sala de espera"
                ],
                ["The doctor was kind", "La doctora fue amable"]
            ),
            step!(
                Usage,
                "email",
                "service",
                -1,
                [
                    "Waits for the test results",
                    "Espera los resultados de las pruebas"
                ],
                [
                    "Does not know how results will be sent",
                    "No sabe cómo le enviarán los resultados"
                ],
                ["Will they call me?", "¿Me llamarán?"]
            ),
            step!(
                Advocacy,
                "chat",
                "marketing",
                0,
                [
                    "Tells her neighbour about the visit",
                    "Le cuenta la visita a su vecina"
                ],
                [
                    "Warns her to confirm every date by phone",
                    "Le avisa de que confirme cada fecha por teléfono"
                ],
                [
                    "Good doctors, hard to reach",
                    "Buenos médicos, difícil llegar"
                ]
            ),
        ],
        greys: &[
            Grey {
                from: 2,
                kind: GreyAreaKind::SystemGap,
                severity: Severity::Critical,
                title: [
                    "Scheduling system and letters disagree",
                    "El sistema de citas y las cartas no coinciden",
                ],
                experience: [
                    "The letter's date clashes with her other appointment",
                    "La fecha de la carta choca con su otra cita",
                ],
            },
            Grey {
                from: 4,
                kind: GreyAreaKind::DepartmentHandoff,
                severity: Severity::Medium,
                title: [
                    "Consultation to results: no one says how",
                    "De la consulta a los resultados: nadie dice cómo",
                ],
                experience: [
                    "She waits for a call that may never come",
                    "Espera una llamada que quizá no llegue",
                ],
            },
        ],
        blueprint: &[
            behind!(
                0,
                Support,
                System,
                ["Referral system", "Sistema de derivaciones"],
                [
                    "Referral system sends the request to the hospital",
                    "El sistema de derivaciones envía la solicitud al hospital"
                ],
                "1 d",
                "1 d",
                false
            ),
            behind!(
                3,
                Backstage,
                Staff,
                ["Scheduling office", "Oficina de citas"],
                [
                    "Scheduling office books the slot",
                    "La oficina de citas asigna el turno"
                ],
                "5 d",
                "2 d",
                false
            ),
            behind!(
                3,
                Support,
                System,
                ["Letters service", "Servicio de cartas"],
                [
                    "Letters service prints and posts the date",
                    "El servicio de cartas imprime y envía la fecha"
                ],
                "3 d",
                "1 d",
                true
            ),
            behind!(
                4,
                Frontstage,
                Staff,
                ["Specialist", "Especialista"],
                [
                    "Specialist sees her and orders tests",
                    "La especialista la atiende y pide pruebas"
                ],
                "20 min",
                "15 min",
                false
            ),
            behind!(
                5,
                Backstage,
                Staff,
                ["Laboratory", "Laboratorio"],
                [
                    "Laboratory runs the tests",
                    "El laboratorio hace las pruebas"
                ],
                "2 w",
                "1 w",
                true
            ),
        ],
    },
    Template {
        key: "software-onboarding",
        title: [
            "Onboarding to a software service",
            "Alta en un servicio de software",
        ],
        persona: [
            "Priya, operations lead at a small firm",
            "Priya, responsable de operaciones en una pyme",
        ],
        description: [
            "38, chooses tools for a team of twelve; has little time to configure them.",
            "38 años, elige herramientas para un equipo de doce; tiene poco tiempo para configurarlas.",
        ],
        scenario: [
            "Priya signs her team up for a project tool, struggles with the data import, and gets help from support.",
            "Priya da de alta a su equipo en una herramienta de proyectos, se atasca con la importación de datos y recibe ayuda de soporte.",
        ],
        steps: &[
            step!(
                Awareness,
                "social",
                "marketing",
                1,
                [
                    "Reads a comparison of project tools",
                    "Lee una comparativa de herramientas"
                ],
                [
                    "Finds the tool in an industry newsletter",
                    "Encuentra la herramienta en un boletín del sector"
                ],
                [
                    "Maybe this replaces our spreadsheets",
                    "Quizá sustituya nuestras hojas de cálculo"
                ]
            ),
            step!(
                Interest,
                "web",
                "marketing",
                1,
                ["Starts a free trial", "Empieza una prueba gratuita"],
                [
                    "Signs up with her work email",
                    "Se registra con el correo del trabajo"
                ],
                ["Fourteen days to decide", "Catorce días para decidir"]
            ),
            step!(
                Consideration,
                "email",
                "sales",
                0,
                ["Gets onboarding emails", "Recibe correos de bienvenida"],
                [
                    "Skims five emails in three days",
                    "Ojea cinco correos en tres días"
                ],
                [
                    "Too many emails, too little time",
                    "Demasiados correos, poco tiempo"
                ]
            ),
            step!(
                Action,
                "web",
                "sales",
                1,
                ["Buys the team plan", "Contrata el plan de equipo"],
                ["Pays for twelve seats", "Paga doce licencias"],
                ["Let's commit", "Adelante"]
            ),
            step!(
                Usage,
                "web",
                "service",
                -2,
                [
                    "Imports the old spreadsheets",
                    "Importa las hojas de cálculo antiguas"
                ],
                [
                    "Sees half the rows fail to import",
                    "Ve que falla la mitad de las filas"
                ],
                ["Our data is a mess now", "Ahora nuestros datos son un caos"]
            ),
            step!(
                Usage,
                "chat",
                "service",
                1,
                ["Gets help in chat", "Recibe ayuda por chat"],
                [
                    "An agent fixes the column mapping with her",
                    "Un agente corrige con ella el mapeo de columnas"
                ],
                ["That was what I needed", "Era justo lo que necesitaba"]
            ),
            step!(
                Advocacy,
                "social",
                "marketing",
                1,
                ["Reviews the tool", "Valora la herramienta"],
                [
                    "Writes a review praising support",
                    "Escribe una reseña que elogia el soporte"
                ],
                [
                    "Great support saved the rollout",
                    "El buen soporte salvó la implantación"
                ]
            ),
        ],
        greys: &[
            Grey {
                from: 3,
                kind: GreyAreaKind::DepartmentHandoff,
                severity: Severity::High,
                title: [
                    "Sales to onboarding: nobody owns the import",
                    "De ventas a la implantación: nadie se ocupa de la importación",
                ],
                experience: [
                    "After paying she is alone with a failing import",
                    "Tras pagar se queda sola con una importación que falla",
                ],
            },
            Grey {
                from: 4,
                kind: GreyAreaKind::ChannelSwitch,
                severity: Severity::Low,
                title: [
                    "Import errors point nowhere",
                    "Los errores de importación no llevan a ninguna ayuda",
                ],
                experience: [
                    "She finds the chat only by chance",
                    "Encuentra el chat por casualidad",
                ],
            },
        ],
        blueprint: &[],
    },
];
